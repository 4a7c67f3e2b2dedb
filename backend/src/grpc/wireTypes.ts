// Shapes of the pluginv2 messages as @grpc/proto-loader hands them over (see loadPluginProtos: int64 as
// numbers, bytes as Buffers, enums as names), limited to the fields we read or write. Incoming fields are
// optional because a peer built without defaults may leave them out; outgoing messages are written in full.

export type WireUser = { login?: string };

export type WireDataSourceInstanceSettings = {
  name?: string;
  url?: string;
  basicAuthEnabled?: boolean;
  basicAuthUser?: string;
  jsonData?: Buffer;
  decryptedSecureJsonData?: Record<string, string>;
  lastUpdatedMS?: number;
  uid?: string;
};

export type WirePluginContext = {
  orgId?: number;
  pluginId?: string;
  user?: WireUser | null;
  dataSourceInstanceSettings?: WireDataSourceInstanceSettings | null;
  grafanaConfig?: Record<string, string>;
};

export type WireTimeRange = { fromEpochMS?: number; toEpochMS?: number };

export type WireDataQuery = {
  refId?: string;
  maxDataPoints?: number;
  intervalMS?: number;
  timeRange?: WireTimeRange | null;
  json?: Buffer;
  queryType?: string;
};

export type WireQueryDataRequest = {
  pluginContext?: WirePluginContext | null;
  headers?: Record<string, string>;
  queries?: WireDataQuery[];
};

export type WireDataResponse = {
  frames: Uint8Array[];
  error: string;
  status: number;
  errorSource: string;
};

export type WireQueryDataResponse = { responses: Record<string, WireDataResponse> };

export type WireStringList = { values?: string[] };

export type WireCallResourceRequest = {
  pluginContext?: WirePluginContext | null;
  path?: string;
  method?: string;
  url?: string;
  headers?: Record<string, WireStringList>;
  body?: Buffer;
};

export type WireCallResourceResponse = {
  code: number;
  headers: Record<string, { values: string[] }>;
  body: Buffer;
};

export type WireCheckHealthRequest = {
  pluginContext?: WirePluginContext | null;
  headers?: Record<string, string>;
};

export type WireHealthStatus = 'UNKNOWN' | 'OK' | 'ERROR';

export type WireCheckHealthResponse = { status: WireHealthStatus; message: string; jsonDetails: Buffer };

export type WireCollectMetricsResponse = { metrics: { prometheus: Buffer } };

export type WireHealthCheckRequest = { service?: string };

export type WireServingStatus = 'SERVING' | 'SERVICE_UNKNOWN';

export type WireHealthCheckResponse = { status: WireServingStatus };

export type WireEmpty = Record<string, never>;
