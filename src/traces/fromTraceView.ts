import { PROFILE_ID_ATTRIBUTE } from './fromResourceAttributes';
import type { SpanLink } from './SpanLink';
import { spanIdOf } from './spanIdOf';
import { traceIdOf } from './traceIdOf';
import type { TraceViewContext, TraceViewSpan } from './TraceViewContext';

/**
 * A link for a whole trace (`grafana/traceview/header/actions`, which has every span's timing): the
 * profiled local roots of the trace's first profiled service, all of them (a trace can enter a service
 * more than once), over their time. Without any profile id: the first span's service over the trace.
 * Undefined for a trace without spans.
 */
export function fromTraceView(context: TraceViewContext): SpanLink | undefined {
  const spans = [...context.spans].sort((a, b) => a.startTime - b.startTime);
  const profiled = spans.filter((span) => profileIdOf(span) !== undefined);
  const first = profiled[0] ?? spans[0];
  if (!first) {
    return undefined;
  }
  const service = first.process.serviceName;
  const chosen = profiled.length > 0 ? profiled.filter((span) => span.process.serviceName === service) : spans;
  const traceId = traceIdOf(context.traceID) ?? traceIdOf(first.traceID);
  const spanId = spanIdOf(first.spanID);
  return {
    ...(service ? { service } : {}),
    spanSelector: [...new Set(chosen.flatMap((span) => profileIdOf(span) ?? []))],
    ...(spanId ? { spanId } : {}),
    spanName: first.operationName,
    ...(traceId ? { traceId } : {}),
    ...(context.datasource ? { traceDatasource: context.datasource.uid } : {}),
    startMs: Math.floor(Math.min(...chosen.map((span) => span.startTime)) / 1000),
    endMs: Math.ceil(Math.max(...chosen.map((span) => span.startTime + span.duration)) / 1000),
    gaps: [
      ...(profiled.length === 0 ? ['profileId' as const] : []),
      ...(service ? [] : ['service' as const]),
      ...(traceId ? [] : ['traceId' as const]),
    ],
  };
}

function profileIdOf(span: TraceViewSpan): string | undefined {
  return spanIdOf(span.tags.find((tag) => tag.key === PROFILE_ID_ATTRIBUTE)?.value);
}
