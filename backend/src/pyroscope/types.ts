// Plain, decoded answers of Pyroscope's querier API. The Connect JSON edge (ConnectClient) turns wire
// JSON (int64 as strings, omitted zeros) into these; nothing past it sees wire shapes.

export type ProfileType = {
  /** `<name>:<sampleType>:<sampleUnit>:<periodType>:<periodUnit>` */
  id: string;
  name: string;
  sampleType: string;
  sampleUnit: string;
  periodType: string;
  periodUnit: string;
};

/** Pyroscope's flamebearer layout: per level, 4 numbers per node [xDelta, total, self, nameIndex]. */
export type FlameGraph = {
  names: string[];
  levels: Array<ArrayLike<number>>;
  total: number;
  maxSelf: number;
};

/** Diff layout: per level, 7 numbers per node [xLeftDelta, totalLeft, selfLeft, xRightDelta, totalRight, selfRight, nameIndex]. */
export type FlameGraphDiff = {
  names: string[];
  levels: Array<ArrayLike<number>>;
  total: number;
  maxSelf: number;
  leftTicks: number;
  rightTicks: number;
};

export type SeriesPoint = { timestampMs: number; value: number };

export type Series = { labels: Record<string, string>; points: SeriesPoint[] };

export type TimeWindow = { startMs: number; endMs: number };

export type MergeRequest = {
  profileTypeId: string;
  labelSelector: string;
  window: TimeWindow;
  maxNodes: number;
  /** 16-hex span ids; only samples of these spans. */
  spanSelector?: string[];
};

export type SeriesRequest = {
  profileTypeId: string;
  labelSelector: string;
  window: TimeWindow;
  stepSeconds: number;
  groupBy: string[];
  limit?: number;
};

/** What the query, resource and health handlers need from Pyroscope; ConnectClient implements it. */
export interface ProfileQuerier {
  profileTypes(window: TimeWindow, signal?: AbortSignal): Promise<ProfileType[]>;
  labelNames(labelSelector: string, window: TimeWindow, signal?: AbortSignal): Promise<string[]>;
  labelValues(name: string, labelSelector: string, window: TimeWindow, signal?: AbortSignal): Promise<string[]>;
  /** Label sets of the series matching the selector, restricted to `labelNames` (all labels when empty). */
  series(
    labelSelector: string,
    labelNames: string[],
    window: TimeWindow,
    signal?: AbortSignal
  ): Promise<Array<Record<string, string>>>;
  mergeStacktraces(request: MergeRequest, signal?: AbortSignal): Promise<FlameGraph>;
  diff(left: MergeRequest, right: MergeRequest, signal?: AbortSignal): Promise<FlameGraphDiff>;
  selectSeries(request: SeriesRequest, signal?: AbortSignal): Promise<Series[]>;
  /** The merged profile of the range as pprof bytes (for export). */
  mergeProfile(request: Omit<MergeRequest, 'maxNodes'>, signal?: AbortSignal): Promise<Uint8Array>;
}
