import { MAX_TRACED_SPANS, tracedSpans } from './tracedSpans';

/** A trace of Tempo's search answer (GET /api/search with TraceQL), as Tempo 2.x sends it. */
const trace = (traceID: string, spans: Array<Record<string, unknown>>, key: 'spanSets' | 'spanSet' = 'spanSets') => ({
  traceID,
  rootServiceName: 'trigs-api',
  rootTraceName: 'GET /v1/reports/slow',
  startTimeUnixNano: '1767225600123000000',
  durationMs: 412,
  ...(key === 'spanSets' ? { spanSets: [{ spans, matched: spans.length }] } : { spanSet: { spans, matched: 1 } }),
});

const span = (spanID: string, name?: string) => ({
  spanID,
  ...(name === undefined ? {} : { name }),
  startTimeUnixNano: '1767225600123000000',
  durationNanos: '412500000',
  attributes: [{ key: 'pyroscope.profile.id', value: { stringValue: spanID } }],
});

describe('tracedSpans', () => {
  it("reads each span's trace, id, name, start and duration", () => {
    const answer = {
      traces: [trace('4bf92f3577b34da6a3ce929d0e0e4736', [span('00f067aa0ba902b7', 'GET /v1/reports/slow')])],
    };

    expect(tracedSpans(answer)).toEqual([
      {
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
        name: 'GET /v1/reports/slow',
        startMs: 1767225600123,
        durationMs: 412.5,
      },
    ]);
  });

  it('pads the ids Tempo sends without their leading zeros, and lower-cases them', () => {
    const answer = { traces: [trace('7A1D2DD4DEAF177E0ACF55B3C49032', [span('F067AA0BA902B7')])] };

    expect(tracedSpans(answer)).toMatchObject([
      { traceId: '007a1d2dd4deaf177e0acf55b3c49032', spanId: '00f067aa0ba902b7' },
    ]);
  });

  it("reads older Tempo's single spanSet, keeps each span once and skips spans without a usable id", () => {
    const answer = {
      traces: [
        trace('4bf92f3577b34da6a3ce929d0e0e4736', [span('00f067aa0ba902b7', 'a'), span('not a span id')], 'spanSet'),
        trace('5bf92f3577b34da6a3ce929d0e0e4736', [span('00f067aa0ba902b7', 'a'), span('10f067aa0ba902b7', 'b')]),
      ],
    };

    expect(tracedSpans(answer).map(({ spanId, name }) => [spanId, name])).toEqual([
      ['00f067aa0ba902b7', 'a'],
      ['10f067aa0ba902b7', 'b'],
    ]);
  });

  it('keeps at most what span-cpu takes in one call', () => {
    const spans = Array.from({ length: MAX_TRACED_SPANS + 5 }, (_, index) =>
      span((index + 1).toString(16).padStart(16, '0'))
    );
    const answer = { traces: [trace('4bf92f3577b34da6a3ce929d0e0e4736', spans)] };

    expect(tracedSpans(answer)).toHaveLength(MAX_TRACED_SPANS);
  });

  it.each([[{ traces: [] }], [{}], [null], ['an error page']])(
    'is empty for an answer without traces: %p',
    (answer) => {
      expect(tracedSpans(answer)).toEqual([]);
    }
  );
});
