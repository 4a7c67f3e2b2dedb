import type { PluginExtensionResourceAttributesContext } from '@grafana/data';

import type { LinkGap, SpanLink } from './SpanLink';
import { spanIdOf } from './spanIdOf';
import { traceIdOf } from './traceIdOf';

/** The span attribute Tempo and Pyroscope's SDKs (and our agent) put on local root spans. */
export const PROFILE_ID_ATTRIBUTE = 'pyroscope.profile.id';
export const SERVICE_NAME_ATTRIBUTE = 'service.name';

/** `span`: the span's own samples (on its `pyroscope.profile.id` row); `window`: the whole service then. */
export type ResourceLinkKind = 'span' | 'window';

/**
 * A span link from the context of `grafana/traceview/resource-attributes`. Grafana ≥ 12.4 passes the
 * trace and span ids and the span's start (µs); none passes its duration, so the window ends at its start
 * (the pad then covers it). Without a start, the trace view's range stands in; without either (the first
 * versions of this extension point), there is no window and no link.
 */
export function fromResourceAttributes(
  context: PluginExtensionResourceAttributesContext,
  kind: ResourceLinkKind
): SpanLink | undefined {
  const first = (attributes: Record<string, string[]> | undefined, key: string) => attributes?.[key]?.[0];
  const service =
    first(context.attributes, SERVICE_NAME_ATTRIBUTE) ?? first(context.spanAttributes, SERVICE_NAME_ATTRIBUTE);
  const profileId = spanIdOf(first(context.spanAttributes, PROFILE_ID_ATTRIBUTE));
  const traceId = traceIdOf(context.traceID);
  // Only local roots carry a profile id, and it is their own span id.
  const spanId = spanIdOf(context.spanID) ?? profileId;
  const start = context.spanStartTime;
  const hasStart = typeof start === 'number' && Number.isFinite(start) && start > 0;
  // Typed as always there, but absent before Grafana ≈12.1.
  const viewRange = context.timeRange as PluginExtensionResourceAttributesContext['timeRange'] | undefined;
  const startMs = hasStart ? Math.floor(start / 1000) : viewRange?.from;
  const endMs = hasStart ? startMs : viewRange?.to;
  if (startMs === undefined || endMs === undefined) {
    return undefined;
  }
  const gaps: LinkGap[] = [];
  if (kind === 'span' && !profileId) {
    gaps.push('profileId');
  }
  gaps.push(hasStart ? 'spanEnd' : 'spanStart');
  if (!service) {
    gaps.push('service');
  }
  if (!traceId) {
    gaps.push('traceId');
  }
  return {
    ...(service ? { service } : {}),
    spanSelector: kind === 'span' && profileId ? [profileId] : [],
    ...(spanId ? { spanId } : {}),
    ...(traceId ? { traceId } : {}),
    traceDatasource: context.datasource.uid,
    startMs,
    endMs,
    gaps,
  };
}
