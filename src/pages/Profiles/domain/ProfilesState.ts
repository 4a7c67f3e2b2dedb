import type { LinkGap } from '../../../traces/SpanLink';

/** A time range as the user chose it: `now-1h`, `now`, or epoch milliseconds as text. */
export type RawRange = { from: string; to: string };

/** An absolute time range in epoch milliseconds. */
export type EpochSpan = { from: number; to: number };

/** What one side of the page looks at: a service's profile type, narrowed by labels, over a range. */
export type ProfileSelection = {
  /** `service_name`; '' until one is chosen (the page then takes the first with profiles). */
  service: string;
  /** '' until one is chosen (the page then takes the service's CPU profile, or its first). */
  profileTypeId: string;
  /** More label matchers, as a selector: `{env="prod"}`; `{}` for none. */
  filters: string;
  /** The metric graph's range. */
  range: RawRange;
  /** The flame graph's range, dragged on the metric graph; none: the whole range. */
  selection?: EpochSpan;
};

export type PageMode = 'single' | 'diff';

/** A diff as one flame graph (coloured by change) or as the two flame graphs side by side. */
export type DiffView = 'diff' | 'sideBySide';

/**
 * What diff colours (and side-by-side widths) compare: each node's share of its own side's total
 * (Grafana's way), or the amounts themselves.
 */
export type ColorScale = 'relative' | 'absolute';

export type ProfilesState = {
  /** The datasource's uid; '' until one is chosen (the page then takes the remembered or the first). */
  datasource: string;
  mode: PageMode;
  /** The single view's selection; in a diff, the baseline. */
  main: ProfileSelection;
  /** The diff's comparison. Parts not chosen for it follow the baseline's. */
  comparison: ProfileSelection;
  diffView: DiffView;
  colorScale: ColorScale;
  maxNodes: number;
  /** Single view: only the samples of these spans (16-hex ids); none or empty: every sample. */
  spanSelector?: string[];
  /** The trace span a link came from (src/traces), for the page to name it and link back. */
  trace?: TraceOrigin;
};

/** Where a trace link came from; every part is optional since older Grafana versions pass less. */
export type TraceOrigin = {
  traceId?: string;
  spanId?: string;
  spanName?: string;
  /** The trace datasource's uid. */
  datasource?: string;
  /** What the link had to fall back on. */
  gaps: LinkGap[];
};

export const DEFAULT_RANGE: RawRange = { from: 'now-1h', to: 'now' };
export const DEFAULT_FILTERS = '{}';
