// The benchmark's floor side, loaded with `--require` before the sample app: V8's CPU profiler at 100 Hz through
// an in-process inspector session, started once and never read. It is what every V8-based agent pays before
// doing anything (the sampler thread and its signals, the code map, line tables); the agent's own work is what
// it costs above this. Env: BENCH_SAMPLE_INTERVAL_US (default 10000).
import { Session } from 'node:inspector';

const session = new Session();
const interval = Number(process.env.BENCH_SAMPLE_INTERVAL_US ?? 10000);
session.connect();
session.post('Profiler.enable', () =>
  session.post('Profiler.setSamplingInterval', { interval }, () => session.post('Profiler.start'))
);
