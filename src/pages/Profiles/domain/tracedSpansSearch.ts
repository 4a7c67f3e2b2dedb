import type { EpochRange } from '../../../datasource/types';

/** Tempo's search API parameters (GET <tempo>/api/search): TraceQL, range in epoch seconds, limits. */
export type TempoSearchParams = { q: string; start: number; end: number; limit: number; spss: number };

/** Traces asked for: the spans of a page of requests is what span-cpu measures in one call. */
const TRACE_LIMIT = 50;
/** A request usually enters a service once; a few more cover retries and fan-out into the same service. */
const SPANS_PER_TRACE = 3;

/**
 * The search for the service's traced requests in the range whose CPU samples carry their span id. Only local
 * root spans have `pyroscope.profile.id` (our agent and Pyroscope's SDKs set it where they label samples):
 * any other span would have no samples of its own. Comparing with "" matches every span that has the
 * attribute, on Tempo versions without `!= nil`.
 */
export function tracedSpansSearch(service: string, range: EpochRange): TempoSearchParams {
  return {
    q: `{resource.service.name=${JSON.stringify(service)} && span.pyroscope.profile.id != ""}`,
    start: Math.floor(range.fromMs / 1000),
    end: Math.ceil(range.toMs / 1000),
    limit: TRACE_LIMIT,
    spss: SPANS_PER_TRACE,
  };
}
