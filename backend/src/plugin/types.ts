// Plain types for the three plugin services. The gRPC edge (src/grpc/) converts the pluginv2 wire
// messages to and from these; everything else in the backend works on them only.

export type DataSourceInstance = {
  uid: string;
  name: string;
  url: string;
  /** The datasource's jsonData, parsed. */
  jsonData: Record<string, unknown>;
  /** Decrypted secrets. Never log them, never echo them back. */
  secureJsonData: Record<string, string>;
  basicAuthEnabled: boolean;
  basicAuthUser: string;
  lastUpdatedMs: number;
};

export type PluginContext = {
  orgId: number;
  pluginId: string;
  dataSource?: DataSourceInstance;
  userLogin?: string;
  grafanaConfig: Record<string, string>;
};

export type TimeRange = { fromMs: number; toMs: number };

export type DataQuery = {
  refId: string;
  queryType: string;
  maxDataPoints: number;
  intervalMs: number;
  timeRange: TimeRange;
  /** The whole query object as the browser sent it (refId, datasource, editor fields...). */
  json: Record<string, unknown>;
};

export type QueryDataRequest = {
  context: PluginContext;
  headers: Record<string, string>;
  queries: DataQuery[];
};

/**
 * Column types we emit; the Arrow edge maps them to explicit Arrow types Grafana accepts. An `enum` holds
 * indexes (0..65535) into its `config.type.enum.text`; a `uint16` holds small counts (0..65535) in a quarter
 * of an int64's bytes.
 */
export type FieldType = 'string' | 'int64' | 'uint16' | 'float64' | 'time' | 'bool' | 'enum';

/** Grafana's EnumFieldConfig: `text[i]` is what value i shows. */
export type EnumFieldConfig = { text: string[] };

export type FieldConfig = {
  displayName?: string;
  displayNameFromDS?: string;
  unit?: string;
  decimals?: number;
  min?: number;
  max?: number;
  interval?: number;
  links?: Array<Record<string, unknown>>;
  /** Per field type settings; for an `enum` field, its texts. */
  type?: { enum?: EnumFieldConfig };
  custom?: Record<string, unknown>;
};

export type Field = {
  name: string;
  type: FieldType;
  /**
   * strings for 'string'; numbers for 'int64'/'uint16'/'float64'; epoch milliseconds for 'time'; booleans for 'bool';
   * indexes into `config.type.enum.text` for 'enum'.
   */
  values: ArrayLike<string | number | boolean | null>;
  nullable?: boolean;
  labels?: Record<string, string>;
  config?: FieldConfig;
};

export type FrameNotice = { severity: 'info' | 'warning' | 'error'; text: string; link?: string };

export type FrameMeta = {
  type?: string;
  typeVersion?: [number, number];
  preferredVisualisationType?: 'graph' | 'table' | 'logs' | 'trace' | 'nodeGraph' | 'flamegraph';
  executedQueryString?: string;
  notices?: FrameNotice[];
  custom?: Record<string, unknown>;
};

export type Frame = {
  name: string;
  refId: string;
  meta?: FrameMeta;
  fields: Field[];
};

export type DataResponse = {
  frames: Frame[];
  /** HTTP-style status; 200 on success. */
  status: number;
  error?: string;
  errorSource?: 'plugin' | 'downstream';
};

export type QueryDataResponse = { responses: Record<string, DataResponse> };

export type CallResourceRequest = {
  context: PluginContext;
  /** Path after /resources/, without a leading slash. */
  path: string;
  method: string;
  /** Path plus ?query, relative. */
  url: string;
  headers: Record<string, string[]>;
  body: Buffer;
};

export type CallResourceResponse = {
  status: number;
  headers: Record<string, string[]>;
  body: Buffer;
};

export type HealthStatus = 'OK' | 'ERROR' | 'UNKNOWN';

export type CheckHealthRequest = { context: PluginContext; headers: Record<string, string> };

export type CheckHealthResult = {
  status: HealthStatus;
  message: string;
  /** Must be a JSON object (Grafana rejects anything else). */
  details?: Record<string, unknown>;
};

/** What the datasource does; the gRPC edge calls these and never lets them throw to Grafana. */
export type PluginHandlers = {
  queryData(request: QueryDataRequest, signal: AbortSignal): Promise<QueryDataResponse>;
  callResource(request: CallResourceRequest, signal: AbortSignal): Promise<CallResourceResponse>;
  checkHealth(request: CheckHealthRequest, signal: AbortSignal): Promise<CheckHealthResult>;
};
