import type { TempoSearchParams } from '../../../src/pages/Profiles/domain/tracedSpansSearch';
import type { ReceivedSpan } from '../../support/startOtlpReceiver';

/**
 * What Tempo's search API (GET /api/search) would answer `params` with if it had ingested `spans`: for the
 * spans of `service` that carry `pyroscope.profile.id` and start in the range (the page's TraceQL), the most
 * recent `limit` traces, each with up to `spss` matching spans. Like Tempo, trace ids lose their leading
 * zeros and uint64 times are decimal text.
 */
export function tempoSearchAnswer(spans: readonly ReceivedSpan[], service: string, params: TempoSearchParams) {
  const startNs = BigInt(params.start) * 1_000_000_000n;
  const endNs = BigInt(params.end) * 1_000_000_000n;
  const matching = spans.filter((span) => {
    const start = BigInt(span.startTimeUnixNano);
    return (
      span.resource['service.name'] === service &&
      (span.attributes['pyroscope.profile.id'] ?? '') !== '' &&
      start >= startNs &&
      start <= endNs
    );
  });
  const traceIds = [...new Set(matching.map((span) => span.traceId))];
  const traces = traceIds.map((traceId) => {
    const ofTrace = spans.filter((span) => span.traceId === traceId);
    const root = ofTrace.find((span) => span.parentSpanId === undefined) ?? ofTrace[0]!;
    const start = min(ofTrace.map((span) => BigInt(span.startTimeUnixNano)));
    const end = max(ofTrace.map((span) => BigInt(span.endTimeUnixNano)));
    const matched = matching.filter((span) => span.traceId === traceId);
    return {
      traceID: traceId.replace(/^0+/, ''),
      rootServiceName: root.resource['service.name'] ?? '',
      rootTraceName: root.name,
      startTimeUnixNano: String(start),
      durationMs: Number((end - start) / 1_000_000n),
      spanSets: [
        {
          spans: matched.slice(0, params.spss).map((span) => ({
            spanID: span.spanId,
            name: span.name,
            startTimeUnixNano: span.startTimeUnixNano,
            durationNanos: String(BigInt(span.endTimeUnixNano) - BigInt(span.startTimeUnixNano)),
            attributes: [
              { key: 'service.name', value: { stringValue: service } },
              { key: 'pyroscope.profile.id', value: { stringValue: span.attributes['pyroscope.profile.id'] } },
            ],
          })),
          matched: matched.length,
        },
      ],
    };
  });
  traces.sort((a, b) => (BigInt(b.startTimeUnixNano) > BigInt(a.startTimeUnixNano) ? 1 : -1));
  return { traces: traces.slice(0, params.limit), metrics: { inspectedTraces: traceIds.length } };
}

const min = (values: bigint[]) => values.reduce((a, b) => (b < a ? b : a));
const max = (values: bigint[]) => values.reduce((a, b) => (b > a ? b : a));
