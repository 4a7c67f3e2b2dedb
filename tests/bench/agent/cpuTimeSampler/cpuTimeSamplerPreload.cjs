// Loaded with `--require` (the benchmark's `BENCH_AGENT_ENTRY`): the CPU-time sampler fixture at 100 Hz of
// the main thread's CPU, for as long as the process lives. Not in worker threads (a loader's hooks thread
// preloads this file too). Build it first: `npx tsx tests/bench/agent/cpuTimeSampler/buildCpuTimeSampler.ts`.
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  const sampler = require(`./build/cpuTimeSampler-abi${process.versions.modules}.node`);
  sampler.start(Number(process.env.BENCH_SAMPLE_INTERVAL_US ?? 10000), 1000000);
  if (process.env.CPU_TIME_SAMPLER_REPORT) {
    // Tests read what it sampled once the process ends.
    process.on('exit', () => {
      require('node:fs').writeFileSync(process.env.CPU_TIME_SAMPLER_REPORT, JSON.stringify(sampler.stop()));
    });
  }
}
