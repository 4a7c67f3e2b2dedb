/** How much the agent says on stderr. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * Where samples come from. `inspector`: V8's CPU profiler through `node:inspector` (no native code; span
 * labels are best-effort). `pprof`: the `@datadog/pprof` native time profiler reading the async context at
 * each sample (exact span labels; needs AsyncContextFrame, i.e. Node 24+, or 22.7+ with
 * `--experimental-async-context-frame`). `auto`: `pprof` where it is exact, else `inspector`.
 */
export type CollectorKind = 'auto' | 'inspector' | 'pprof';

/** Everything the agent can be told; `start()` takes any part of it, the rest comes from the environment. */
export type AgentConfig = {
  /** `PYROSCOPE_ENABLED`; false starts nothing. */
  enabled: boolean;
  /** `PYROSCOPE_SERVER_ADDRESS`, e.g. `http://localhost:4040` or a Grafana Cloud Profiles URL. */
  serverAddress: string;
  /** `PYROSCOPE_AUTH_TOKEN`, sent as `Authorization: Bearer …`; wins over basic auth. */
  authToken?: string;
  /** `PYROSCOPE_BASIC_AUTH_USER` (Grafana Cloud: the Profiles instance's numeric user id). */
  basicAuthUser?: string;
  /** `PYROSCOPE_BASIC_AUTH_PASSWORD` (Grafana Cloud: an access policy token with profiles:write). */
  basicAuthPassword?: string;
  /** `PYROSCOPE_TENANT_ID`, sent as `X-Scope-OrgID` to multi-tenant Pyroscope. */
  tenantId?: string;
  /** `PYROSCOPE_APPLICATION_NAME` (becomes Pyroscope's `service_name`); default: the service name. */
  applicationName: string;
  /** `PYROSCOPE_TAGS` (`k=v,k=v`), merged over the derived `environment`, `service`, `version` tags. */
  tags: Record<string, string>;
  /** `PYROSCOPE_SAMPLE_RATE`, samples per second (1–1000), default 100. */
  sampleRate: number;
  /** `PYROSCOPE_UPLOAD_INTERVAL` in milliseconds (1 s – 10 min), default 10 000. */
  uploadIntervalMs: number;
  /** `PYROSCOPE_LOG_LEVEL`, default `info`. */
  logLevel: LogLevel;
  /** `PYROSCOPE_COLLECTOR`, default `auto`. */
  collector: CollectorKind;
  /** Per-request timeout; default: 80 % of the upload interval, at most 10 s. */
  uploadTimeoutMs: number;
  /** Profiles kept while Pyroscope is unreachable; the oldest is dropped beyond it. Default 6. */
  maxQueuedProfiles: number;
  /** How long the final flush on SIGTERM / exit may take, default 3 000 ms. */
  exitFlushTimeoutMs: number;
};
