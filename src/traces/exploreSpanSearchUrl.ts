import { explorePaneUrl } from './explorePaneUrl';

/**
 * Explore searching a Tempo datasource for the traces whose spans of `service` are named `spanName` in the
 * range: the traces behind one row of "Spans with the most CPU". TraceQL string literals take JSON's
 * escapes.
 */
export function exploreSpanSearchUrl(
  datasourceUid: string,
  service: string,
  spanName: string,
  range: { fromMs: number; toMs: number }
): string {
  const query = `{resource.service.name=${JSON.stringify(service)} && name=${JSON.stringify(spanName)}}`;
  return explorePaneUrl(datasourceUid, { queryType: 'traceql', query, tableType: 'traces', limit: 20 }, range);
}
