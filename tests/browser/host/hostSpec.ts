/**
 * What one page of the browser host shows; the Node side hands it to the page before it loads
 * (window.__HOST_SPEC__). Exactly one of `panel`, `queryEditor` is set, or neither: then the app's route.
 */
export type HostSpec = {
  /** Grafana theme: 'dark' (default) or 'light'. */
  theme?: 'dark' | 'light';
  /** Dashboard time range of the panel and editor: Grafana's strings ('now-1h') or epoch ms. */
  timeRange?: { from: string; to: string };
  panel?: PanelSpec;
  queryEditor?: QueryEditorSpec;
};

export type PanelSpec = {
  /** The panel's queries, run through the datasource's own query() (so /api/ds/query answers them). */
  queries: Array<Record<string, unknown>>;
  /** The panel's options (src/panel/types.ts); missing ones take their defaults. */
  options?: Record<string, unknown>;
  title?: string;
  width?: number;
  height?: number;
};

export type QueryEditorSpec = {
  /** The query as Grafana hands it over; a new one is `{ refId }`, and the host adds the datasource's defaults. */
  query: Record<string, unknown>;
  /** Where Grafana shows the editor (CoreApp's values): 'panel-editor' (default) or 'explore'. */
  app?: 'panel-editor' | 'explore';
};

/** What the host exposes on window for tests (window.__HOST__). */
export type HostState = {
  /** Set when the host has rendered its first content (the panel: after its data arrived). */
  ready: boolean;
  /** performance.now() when the panel's frames arrived (the datasource's query answered). */
  dataArrivedAt?: number;
  /** performance.now() of the first animation frame with the flame graph's canvas drawn. */
  paintedAt?: number;
  /** Every query the query editor passed to onChange, in order. */
  editorChanges: Array<Record<string, unknown>>;
  /** How many times the editor asked to run the query. */
  editorRuns: number;
  /** Errors the host caught while rendering. */
  errors: string[];
};

/** The datasource the host registers, as Grafana would provision it. */
export const HOST_DATASOURCE = { uid: 'emberlabs-profiles', name: 'Emberlabs Pyroscope', id: 1 };
