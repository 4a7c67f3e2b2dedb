export type ServerConfig = {
  host: string;
  port: number;
  /** The opt-in benchmark hook; undefined when off. */
  bench?: { loopResolutionMs: number; stallProbe: boolean };
};

/**
 * The server's settings from its environment: `HOST` (default 127.0.0.1; 0.0.0.0 in a container), `PORT`
 * (default 8080; 0 lets the OS pick), `BENCH_CONTROL=1` for the benchmark hook, `BENCH_LOOP_RESOLUTION_MS`
 * (1–1000, default 10) for its event-loop delay monitor and `BENCH_STALL_PROBE=1` for its CPU-time stall probe.
 */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const host = env.HOST?.trim() || '127.0.0.1';
  const port = readInt(env.PORT, 'PORT', 8080, 0, 65535);
  const config: ServerConfig = { host, port };
  if (env.BENCH_CONTROL === '1' || env.BENCH_CONTROL === 'true') {
    config.bench = {
      loopResolutionMs: readInt(env.BENCH_LOOP_RESOLUTION_MS, 'BENCH_LOOP_RESOLUTION_MS', 10, 1, 1000),
      stallProbe: env.BENCH_STALL_PROBE === '1',
    };
  }
  return config;
}

function readInt(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value.trim() === '') {
    return fallback;
  }
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || parsed < min || parsed > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}
