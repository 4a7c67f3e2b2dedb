// Plain shapes of the load generator: what it sends and what it reports.

/** One kind of request in a mix; `weight` is how many of every `sum of weights` requests are this one. */
export type MixEntry = { name: string; method: 'GET' | 'POST'; path: string; body?: string; weight: number };

export type LatencySummary = { count: number; mean: number; p50: number; p90: number; p99: number; max: number };

export type PhaseReport = {
  requests: number;
  errors: number;
  /** Failures by kind: an HTTP status (`status 500`) or a socket error code (`ECONNRESET`, `timeout`). */
  error_kinds: Record<string, number>;
  duration_s: number;
  rps: number;
  /** The load generator's own CPU over the phase (user + system, ms). */
  cpu_ms: number;
  latency_ms: LatencySummary;
  by_endpoint: Record<string, { requests: number; errors: number; latency_ms: LatencySummary }>;
};

export type LoadReport = {
  url: string;
  concurrency: number;
  mix: string;
  warmup?: PhaseReport;
  measured: PhaseReport;
};
