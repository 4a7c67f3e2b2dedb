/**
 * Grafana's Explore URL (schema 1, one pane) for a query of one datasource over an absolute range, without
 * the sub-path Grafana may be served under (add config.appSubUrl where it is used as an href).
 */
export function explorePaneUrl(
  datasourceUid: string,
  query: Record<string, unknown>,
  range: { fromMs: number; toMs: number }
): string {
  const pane = {
    datasource: datasourceUid,
    queries: [{ refId: 'A', datasource: { uid: datasourceUid }, ...query }],
    range: { from: String(Math.floor(range.fromMs)), to: String(Math.ceil(range.toMs)) },
  };
  const params = new URLSearchParams({ schemaVersion: '1', panes: JSON.stringify({ profiles: pane }) });
  return `/explore?${params.toString()}`;
}
