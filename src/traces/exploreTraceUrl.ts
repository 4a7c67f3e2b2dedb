import { explorePaneUrl } from './explorePaneUrl';

/** Explore opening one trace by its id on a Tempo datasource (a TraceQL query of just the id does that). */
export function exploreTraceUrl(
  datasourceUid: string,
  traceId: string,
  range: { fromMs: number; toMs: number }
): string {
  return explorePaneUrl(datasourceUid, { queryType: 'traceql', query: traceId }, range);
}
