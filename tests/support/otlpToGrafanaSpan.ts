import type { TraceViewSpan } from '../../src/traces/TraceViewContext';
import type { ReceivedSpan } from './startOtlpReceiver';

/**
 * A span as the sample app exported it (OTLP, ns) the way Grafana's trace view holds it after Tempo:
 * epoch µs start, µs duration, hex ids, span attributes as `tags`, resource attributes as `process.tags`.
 */
export function otlpToGrafanaSpan(span: ReceivedSpan): TraceViewSpan {
  const start = BigInt(span.startTimeUnixNano);
  const end = BigInt(span.endTimeUnixNano);
  const pairs = (attributes: Record<string, string>) =>
    Object.entries(attributes).map(([key, value]) => ({ key, value }));
  return {
    spanID: span.spanId,
    traceID: span.traceId,
    operationName: span.name,
    startTime: Number(start / 1000n),
    duration: Number((end - start) / 1000n),
    tags: pairs(span.attributes),
    process: { serviceName: span.resource['service.name'] ?? '', tags: pairs(span.resource) },
  };
}
