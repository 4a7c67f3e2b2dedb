import type { PluginExtensionResourceAttributesContext } from '@grafana/data';

import type { TraceViewSpan } from '../TraceViewContext';

/**
 * The context Grafana hands `grafana/traceview/resource-attributes` links for a span (SpanDetail): attribute
 * maps of string lists, the trace view's range in ms and the trace datasource; from ≈12.4 also the trace and
 * span ids and the span's start (µs). `older`: what earlier versions pass.
 */
export function resourceAttributesContext(
  span: TraceViewSpan,
  viewRange: { from: number; to: number },
  older = false
): PluginExtensionResourceAttributesContext {
  const lists = (pairs: TraceViewSpan['tags']) =>
    Object.fromEntries(pairs.map(({ key, value }) => [key, [String(value)]]));
  return {
    attributes: lists(span.process.tags),
    spanAttributes: lists(span.tags),
    timeRange: viewRange,
    datasource: { type: 'tempo', uid: 'tempo-uid' },
    ...(older ? {} : { traceID: span.traceID, spanID: span.spanID, spanStartTime: span.startTime }),
  };
}
