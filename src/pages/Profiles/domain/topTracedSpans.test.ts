import { topTracedSpans } from './topTracedSpans';
import type { TracedSpan } from './tracedSpans';

const traced = (spanId: string): TracedSpan => ({
  traceId: `${spanId}${spanId}`,
  spanId,
  name: `request ${spanId}`,
  startMs: 1767225600000,
  durationMs: 100,
});

const SPANS = ['000000000000000a', '000000000000000b', '000000000000000c', '000000000000000d'].map(traced);

describe('topTracedSpans', () => {
  it("orders spans by their samples' total, with their share of the service's, and drops spans without samples", () => {
    const answer = {
      spans: [
        { spanId: '000000000000000a', total: 10 },
        { spanId: '000000000000000b', total: 0 },
        { spanId: '000000000000000c', total: 30 },
      ],
      serviceTotal: 200,
      unit: 'nanoseconds',
    };

    expect(topTracedSpans(SPANS, answer)).toEqual([
      { ...SPANS[2], total: 30, share: 0.15 },
      { ...SPANS[0], total: 10, share: 0.05 },
    ]);
  });

  it('keeps the first `count`', () => {
    const answer = {
      spans: SPANS.map(({ spanId }, index) => ({ spanId, total: index + 1 })),
      serviceTotal: 10,
      unit: 'nanoseconds',
    };

    expect(topTracedSpans(SPANS, answer, 2).map(({ spanId }) => spanId)).toEqual([
      '000000000000000d',
      '000000000000000c',
    ]);
  });

  it('gives no share when the service has no samples', () => {
    const answer = { spans: [{ spanId: '000000000000000a', total: 5 }], serviceTotal: 0, unit: 'nanoseconds' };

    expect(topTracedSpans(SPANS, answer)).toEqual([{ ...SPANS[0], total: 5, share: 0 }]);
  });
});
