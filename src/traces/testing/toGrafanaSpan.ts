import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

import type { TraceViewSpan } from '../TraceViewContext';

/**
 * A span of the real OpenTelemetry SDK as Grafana's trace view holds it after Tempo: epoch µs start,
 * µs duration (Tempo's frame carries ms, transformTraceDataFrame multiplies by 1000), hex ids, span
 * attributes as `tags`, resource attributes as `process.tags`.
 */
export function toGrafanaSpan(span: ReadableSpan): TraceViewSpan {
  const micros = ([seconds, nanos]: [number, number]) => seconds * 1e6 + Math.floor(nanos / 1000);
  const pairs = (attributes: Record<string, unknown>) =>
    Object.entries(attributes).map(([key, value]) => ({ key, value }));
  const resource = span.resource.attributes;
  return {
    spanID: span.spanContext().spanId,
    traceID: span.spanContext().traceId,
    operationName: span.name,
    startTime: micros(span.startTime),
    duration: micros(span.duration),
    tags: pairs(span.attributes),
    process: { serviceName: String(resource['service.name'] ?? ''), tags: pairs(resource) },
  };
}
