// The peer agent for the benchmark, loaded with `--require` before the sample app: the official
// @pyroscope/nodejs 0.6.4 in the anchor's config (c′): wall profiler at 100 Hz with CPU time, a 10 s flush
// and a 10 s sampling duration, no heap profiler (`startWallProfiling()`, which only the default export has).
// Env: PYROSCOPE_SERVER_ADDRESS, PYROSCOPE_APPLICATION_NAME, BENCH_PEER_FLUSH_MS (default 10000),
// BENCH_SAMPLE_INTERVAL_US (default 10000).
import Pyroscope from '@pyroscope/nodejs';

const flushMs = Number(process.env.BENCH_PEER_FLUSH_MS ?? 10000);
const intervalUs = Number(process.env.BENCH_SAMPLE_INTERVAL_US ?? 10000);
Pyroscope.init({
  serverAddress: process.env.PYROSCOPE_SERVER_ADDRESS,
  appName: process.env.PYROSCOPE_APPLICATION_NAME ?? 'trigs-api',
  flushIntervalMs: flushMs,
  wall: { samplingDurationMs: flushMs, samplingIntervalMicros: intervalUs, collectCpuTime: true },
});
Pyroscope.startWallProfiling();
