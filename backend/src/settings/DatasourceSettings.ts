// The datasource's settings after parsing jsonData and the decrypted secrets (see parseSettings.ts).

export type PyroscopeAuth =
  { mode: 'none' } | { mode: 'basic'; user: string; password: string } | { mode: 'bearer'; token: string };

/**
 * Whether Pyroscope's answers come gzipped: `auto` asks for gzip only from hosts that look remote (on a
 * LAN bandwidth is free and compressing costs CPU on both ends; across the internet it saves transfer).
 */
export type Compression = 'auto' | 'gzip' | 'none';

export type DatasourceSettings = {
  /** Pyroscope's base URL, without a trailing slash. */
  url: string;
  auth: PyroscopeAuth;
  /** Sent as X-Scope-OrgID when set. */
  tenantId?: string;
  /** Extra HTTP headers for every request to Pyroscope (values may be secret). */
  headers: Record<string, string>;
  timeoutMs: number;
  /** How far a span query's window is widened on each side (covers upload interval and clock skew). */
  spanWindowPadMs: number;
  /** Lower bound for a metrics query's step. */
  minStepSeconds: number;
  compression: Compression;
};
