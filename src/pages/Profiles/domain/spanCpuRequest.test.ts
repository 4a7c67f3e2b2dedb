import { spanCpuRequest } from './spanCpuRequest';
import type { TracedSpan } from './tracedSpans';

describe('spanCpuRequest', () => {
  it("asks for the spans' totals with the side's type and selector over the range in whole ms", () => {
    const spans = ['00f067aa0ba902b7', '10f067aa0ba902b7'].map((spanId): TracedSpan => ({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId,
      name: '',
      startMs: 0,
      durationMs: 1,
    }));
    const side = {
      service: 'trigs-api',
      filters: 'version="1.2"',
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
    };

    expect(spanCpuRequest(side, { fromMs: 1767225600000.4, toMs: 1767229200000.4 }, spans)).toEqual({
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      labelSelector: '{service_name="trigs-api", version="1.2"}',
      from: 1767225600000,
      to: 1767229200001,
      spanIds: ['00f067aa0ba902b7', '10f067aa0ba902b7'],
    });
  });
});
