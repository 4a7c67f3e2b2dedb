import { spanIdOf } from '../../../traces/spanIdOf';
import type { LinkGap } from '../../../traces/SpanLink';
import { traceIdOf } from '../../../traces/traceIdOf';
import type { ProfilesState, TraceOrigin } from './ProfilesState';

const GAPS: readonly LinkGap[] = ['profileId', 'spanStart', 'spanEnd', 'service', 'traceId'];

const KEYS = {
  spanSelector: 'spanSelector',
  traceId: 'traceId',
  spanId: 'spanId',
  spanName: 'spanName',
  datasource: 'traceDs',
  gaps: 'gaps',
} as const;

/**
 * The span selector (one `spanSelector` parameter per id, never a comma-joined list) and the trace a link
 * came from. Ids that are not hex of the right length are dropped: one would fail the whole query.
 */
export function readTraceParams(params: URLSearchParams): Pick<ProfilesState, 'spanSelector' | 'trace'> {
  const spanSelector = params.getAll(KEYS.spanSelector).flatMap((id) => spanIdOf(id) ?? []);
  const traceId = traceIdOf(params.get(KEYS.traceId));
  const spanId = spanIdOf(params.get(KEYS.spanId));
  const spanName = params.get(KEYS.spanName) || undefined;
  const datasource = params.get(KEYS.datasource) || undefined;
  const gaps = (params.get(KEYS.gaps) ?? '').split(',').filter((gap): gap is LinkGap => GAPS.includes(gap as LinkGap));
  const trace: TraceOrigin = {
    ...(traceId ? { traceId } : {}),
    ...(spanId ? { spanId } : {}),
    ...(spanName ? { spanName } : {}),
    ...(datasource ? { datasource } : {}),
    gaps,
  };
  const hasTrace = Object.keys(trace).length > 1 || gaps.length > 0;
  return { ...(spanSelector.length > 0 ? { spanSelector } : {}), ...(hasTrace ? { trace } : {}) };
}

/** Writes what readTraceParams reads; nothing when the state has neither. */
export function writeTraceParams(params: URLSearchParams, { spanSelector, trace }: ProfilesState): void {
  for (const id of spanSelector ?? []) {
    params.append(KEYS.spanSelector, id);
  }
  if (!trace) {
    return;
  }
  const set = (key: string, value: string | undefined) => value && params.set(key, value);
  set(KEYS.traceId, trace.traceId);
  set(KEYS.spanId, trace.spanId);
  set(KEYS.spanName, trace.spanName);
  set(KEYS.datasource, trace.datasource);
  set(KEYS.gaps, trace.gaps.join(','));
}
