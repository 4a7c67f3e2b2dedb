// A small service-like process for measureOverhead.ts: open-loop "requests" on two routes with different
// CPU functions, optionally traced with OpenTelemetry, profiled by the variant named in VARIANT. Prints one
// JSON line of its own measurements when done.
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const variant = process.env.VARIANT ?? 'none';
const load = process.env.LOAD ?? 'busy';
const seconds = Number(process.env.DURATION_S ?? 40);
const warmup = Number(process.env.WARMUP_S ?? 12);
const spans = process.env.SPANS === '1';
const perSecond = load === 'idle' ? 20 : Number(process.env.RATE ?? 500);
const usersPerRequest = Number(process.env.USERS ?? 600);

// The compiled agent (measureOverhead.ts passes where it built it).
const agentDist = process.env.AGENT_DIST || path.join(__dirname, '..', 'dist');
 
const loadAgent = () => require(path.join(agentDist, 'index.js')) as typeof import('../src/index');
let stopAgent: () => Promise<void> = async () => undefined;
let spanProcessor: unknown;
let agentStats: () => unknown = () => undefined;

function startVariant(): void {
  const server = process.env.PYROSCOPE_SERVER_ADDRESS!;
  if (variant === 'agent') {
    const agent = loadAgent();
    const handle = agent.start({ applicationName: 'measure' });
    agentStats = () => handle?.stats();
    spanProcessor = agent.createSpanProcessor();
    stopAgent = agent.stop;
  } else if (variant === 'official') {
     
    const Pyroscope = require('@pyroscope/nodejs');
    const sdk = Pyroscope.default ?? Pyroscope;
    sdk.init({
      serverAddress: server,
      appName: 'measure',
      flushIntervalMs: 10_000,
      wall: { samplingDurationMs: 10_000, samplingIntervalMicros: 10_000, collectCpuTime: true },
    });
    sdk.startWallProfiling();
    stopAgent = () => sdk.stopWallProfiling() as Promise<void>;
  } else if (variant === 'raw-inspector') {
    // The floor: V8's sampler alone, never stopped, nothing converted.
     
    const { Session } = require('node:inspector') as typeof import('node:inspector');
    const session = new Session();
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 10_000 });
    session.post('Profiler.start');
  }
}

startVariant();

 
const { NodeTracerProvider } =
  require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
 
const otel = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
if (spans) {
  const agentApi = spanProcessor ?? loadAgent().createSpanProcessor();
  const provider = new NodeTracerProvider({ spanProcessors: [agentApi as never] });
  provider.register();
}
const tracer = otel.trace.getTracer('workload');

function makeUsers(seed: number): Array<{ id: number; name: string; email: string; score: number; tags: string[] }> {
  const users = [];
  for (let i = 0; i < usersPerRequest; i++) {
    const n = (seed * 31 + i * 17) % 1000;
    users.push({
      id: n,
      name: `user${n}`,
      email: `user${n}@example${i % 7}.com`,
      score: (n * 7919) % 1013,
      tags: [`t${i % 5}`, `g${n % 3}`],
    });
  }
  return users;
}

function checkoutWork(seed: number): number {
  const users = makeUsers(seed).sort((a, b) => a.score - b.score);
  const json = JSON.stringify(users);
  const domains = new Map<string, number>();
  for (const match of json.matchAll(/"email":"[^@]+@([^"]+)"/g)) {
    domains.set(match[1]!, (domains.get(match[1]!) ?? 0) + 1);
  }
  return json.length + domains.size;
}

function searchWork(seed: number): number {
  const words = `${seed} lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor`
    .repeat(usersPerRequest / 3)
    .split(' ');
  const freq = new Map<string, number>();
  for (const w of words) {
    freq.set(w.toLowerCase(), (freq.get(w) ?? 0) + 1);
  }
  const parsed = JSON.parse(JSON.stringify([...freq.entries()])) as Array<[string, number]>;
  return parsed.reduce((sum, [, count]) => sum + count, 0);
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

async function handle(i: number): Promise<void> {
  const route = i % 2 === 0 ? 'checkout' : 'search';
  const body = async (): Promise<void> => {
    const work = route === 'checkout' ? checkoutWork : searchWork;
    work(i);
    await tick();
    work(i + 1);
  };
  if (!spans) {
    return body();
  }
  return tracer.startActiveSpan(`GET /${route}`, async (span) => {
    try {
      await body();
    } finally {
      span.end();
    }
  });
}

const delay = monitorEventLoopDelay({ resolution: 2 });
let done = 0;
let count = 0;
const perTick = perSecond / 100;
let credit = 0;
const loadTimer = setInterval(() => {
  credit += perTick;
  while (credit >= 1) {
    credit--;
    void handle(count++).then(() => done++);
  }
}, 10);

const rss: number[] = [];
const rssTimer = setInterval(() => rss.push(process.memoryUsage.rss()), 500);

setTimeout(() => {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const done0 = done;
  const rss0 = process.memoryUsage.rss();
  rss.length = 0;
  delay.enable();
  setTimeout(() => {
    delay.disable();
    const cpu = process.cpuUsage(cpu0);
    const wall = (performance.now() - t0) / 1000;
    const result = {
      variant,
      load,
      spans,
      node: process.versions.node,
      wallS: wall,
      cpuMs: (cpu.user + cpu.system) / 1000,
      cpuMsPerS: (cpu.user + cpu.system) / 1000 / wall,
      requests: done - done0,
      loopDelayMaxMs: delay.max / 1e6,
      loopDelayP99Ms: delay.percentile(99) / 1e6,
      rssStartMB: rss0 / 2 ** 20,
      rssEndMB: (rss[rss.length - 1] ?? rss0) / 2 ** 20,
      rssMaxMB: Math.max(rss0, ...rss) / 2 ** 20,
      agent: agentStats(),
    };
    clearInterval(loadTimer);
    clearInterval(rssTimer);
    void stopAgent().finally(() => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });
  }, seconds * 1000);
}, warmup * 1000);
