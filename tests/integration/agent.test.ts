import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { node24 } from '../../agent/scripts/node24';
import { MIXES } from '../../samples/load-generator/src/mixes';
import { runLoad } from '../../samples/load-generator/src/runLoad';
import { launchPyroscope, type RunningPyroscope } from '../pyroscope/launchPyroscope';
import { column, grafanaClient, type GrafanaSettings, labels, queryThroughGrafana } from '../support/grafanaClient';
import { pyroscopeSelfByFunction, waitForProfiles } from '../support/pyroscopeDirect';
import { startAuthProxy } from '../support/startAuthProxy';
import { startOtlpReceiver } from '../support/startOtlpReceiver';
import { type SampleApp, startSampleApp } from '../support/startSampleApp';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

let pyroscope: RunningPyroscope;
let settings: GrafanaSettings;
const apps: SampleApp[] = [];

beforeAll(async () => {
  pyroscope = await launchPyroscope();
  settings = { url: pyroscope.url };
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await pyroscope?.stop();
});

function agentEnv(service: string, tags: string): Record<string, string> {
  return {
    PYROSCOPE_SERVER_ADDRESS: pyroscope.url,
    PYROSCOPE_APPLICATION_NAME: service,
    OTEL_SERVICE_NAME: service,
    PYROSCOPE_TAGS: tags,
    PYROSCOPE_UPLOAD_INTERVAL: '3s',
    PYROSCOPE_LOG_LEVEL: 'info',
  };
}

async function start(...args: Parameters<typeof startSampleApp>): Promise<SampleApp> {
  const app = await startSampleApp(...args);
  apps.push(app);
  return app;
}

/** Share of the flame graph's total spent in (and below) `name`, counting each stack once. */
function inclusiveShare(frame: Parameters<typeof labels>[0], name: string): number {
  const names = labels(frame);
  const levels = column<number>(frame, 'level');
  const values = column<number>(frame, 'value');
  let inside = 0;
  let insideLevel = -1;
  for (let i = 1; i < names.length; i++) {
    if (insideLevel >= 0 && levels[i]! <= insideLevel) {
      insideLevel = -1;
    }
    if (insideLevel < 0 && names[i] === name) {
      inside += values[i]!;
      insideLevel = levels[i]!;
    }
  }
  return inside / values[0]!;
}

async function flameGraph(
  selector: string,
  extra: Record<string, unknown> = {},
  target: GrafanaSettings = settings,
  fromMs = Date.now() - 15 * 60000
) {
  const body = await queryThroughGrafana(
    target,
    { refId: 'A', queryType: 'profile', profileTypeId: CPU, labelSelector: selector, ...extra },
    fromMs,
    Date.now() + 60000
  );
  expect(body.results.A?.status).toBe(200);
  return body.results.A!.frames![0]!;
}

describe('the agent in the sample app, against a real Pyroscope', () => {
  it('profiles the sample app under load: its hot function takes about half of the CPU', async () => {
    const app = await start('ours', agentEnv('trigs-api', 'environment=test-a'));
    await runLoad({ url: app.url, concurrency: 8, mix: MIXES.standard!, mixName: 'standard', durationS: 20 });
    await new Promise((resolve) => setTimeout(resolve, 4000)); // the window in flight reaches Pyroscope
    const now = Date.now();
    await waitForProfiles(pyroscope.url, CPU, '{service_name="trigs-api"}', now - 600000, now + 60000);

    const frame = await flameGraph('{service_name="trigs-api", environment="test-a"}');
    const names = new Set(labels(frame));
    for (const hot of ['convolveImage', 'buildTrigRecords', 'serializeTrigs']) {
      expect([...names].some((name) => name.includes(hot))).toBe(true);
    }
    const convolve = labels(frame).find((name) => name.includes('convolveImage'))!;
    const share = inclusiveShare(frame, convolve);
    if (share < 0.4 || share > 0.6) {
      const top = [...new Set(labels(frame))]
        .map((name) => [name, inclusiveShare(frame, name).toFixed(3)])
        .sort((a, b) => Number(b[1]) - Number(a[1]));
      process.stderr.write(`inclusive shares: ${JSON.stringify(top.slice(0, 15))}\n`);
    }
    expect(share).toBeGreaterThanOrEqual(0.4);
    expect(share).toBeLessThanOrEqual(0.6);
    expect(app.stderr()).toMatch(/profiling trigs-api.*100 Hz/);
  });

  it('keeps each app apart by its tags', async () => {
    const reports = await start('ours', agentEnv('trigs-api', 'environment=test-b'));
    await runLoad({ url: reports.url, concurrency: 1, mix: MIXES.slow_report!, mixName: 'slow_report', durationS: 12 });
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const now = Date.now();
    await waitForProfiles(pyroscope.url, CPU, '{environment="test-b"}', now - 600000, now + 60000);

    const onlyB = labels(await flameGraph('{service_name="trigs-api", environment="test-b"}'));
    expect(onlyB.some((name) => name.includes('findDuplicateIdsSlowly'))).toBe(true);
    expect(onlyB.some((name) => name.includes('convolveImage'))).toBe(false);
  });

  it("labels a traced request's samples with its span, while other requests run concurrently (Node 24)", async () => {
    const otlp = await startOtlpReceiver();
    try {
      const app = await start(
        'ours',
        {
          ...agentEnv('trigs-spans', 'environment=test-spans'),
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${otlp.url}/v1/traces`,
        },
        node24()
      );
      // Images keep the process busy while slow reports run in between: concurrent requests of two endpoints.
      await Promise.all([
        runLoad({ url: app.url, concurrency: 2, mix: MIXES.image!, mixName: 'image', durationS: 12 }),
        runLoad({ url: app.url, concurrency: 1, mix: MIXES.slow_report!, mixName: 'slow_report', durationS: 12 }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 7000)); // last window and span batch exported
      const roots = otlp
        .spans()
        .filter((span) => span.attributes['pyroscope.profile.id'] && span.name.includes('/v1/reports/slow'));
      expect(roots.length).toBeGreaterThan(0);
      const root = roots[Math.floor(roots.length / 2)]!;
      expect(root.attributes['pyroscope.profile.id']).toBe(root.spanId);

      const now = Date.now();
      await waitForProfiles(pyroscope.url, CPU, '{service_name="trigs-spans"}', now - 600000, now + 60000);
      const spanFrame = await flameGraph('{service_name="trigs-spans"}', { spanSelector: [root.spanId] });
      const spanNames = labels(spanFrame);
      expect(column<number>(spanFrame, 'value')[0]).toBeGreaterThan(0);
      expect(spanNames.some((name) => name.includes('findDuplicateIdsSlowly'))).toBe(true);
      expect(spanNames.some((name) => name.includes('convolveImage'))).toBe(false);

      const whole = labels(await flameGraph('{service_name="trigs-spans"}'));
      expect(whole.some((name) => name.includes('convolveImage'))).toBe(true);
    } finally {
      await otlp.close();
    }
  });

  it('uploads in the same format as the official agent: both are queried the same way', async () => {
    const official = await start('official', {
      PYROSCOPE_SERVER_ADDRESS: pyroscope.url,
      PYROSCOPE_APPLICATION_NAME: 'trigs-official',
      OTEL_SERVICE_NAME: 'trigs-official',
      BENCH_PEER_FLUSH_MS: '3000',
    });
    const ours = await start('ours', agentEnv('trigs-ours', 'environment=peer'));
    await Promise.all(
      [official, ours].map((app) =>
        runLoad({ url: app.url, concurrency: 1, mix: MIXES.image!, mixName: 'image', durationS: 12 })
      )
    );
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const now = Date.now();
    await waitForProfiles(pyroscope.url, CPU, '{service_name="trigs-ours"}', now - 600000, now + 60000);
    // The services resource lists each service with its profile types; both have a CPU-time type (the
    // official agent files CPU time under its wall profiler's name).
    const services = await grafanaClient<{
      status: number;
      body: Array<{ name: string; profileTypes: Array<{ id: string; sampleType: string }> }>;
    }>('resource', settings, ['--path', `services?from=${now - 600000}&to=${now + 60000}`]);
    for (const service of ['trigs-official', 'trigs-ours']) {
      const cpuType = services.json?.body
        .find((entry) => entry.name === service)
        ?.profileTypes.find((type) => type.sampleType === 'cpu');
      expect(cpuType).toBeDefined();
      const frame = await flameGraph(`{service_name="${service}"}`, { profileTypeId: cpuType!.id });
      expect(labels(frame).some((name) => name.includes('convolveImage'))).toBe(true);
    }
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type AppMemory = { heap_used_mb: number; external_mb: number };
type AgentCounters = { uploaded: number; queued: number; droppedQueueFull: number; retries: number; rejected: number };

/** The app's memory right after a memory-reducing full GC (the app runs with BENCH_CONTROL=1 and --expose-gc). */
async function appMemory(app: SampleApp): Promise<AppMemory> {
  return (await fetch(`${app.url}/__bench/stats?gc=1`)).json() as Promise<AppMemory>;
}

/** The running agent's counters, as the app's bench hook reports them. */
async function agentCounters(app: SampleApp): Promise<AgentCounters> {
  const window = (await (await fetch(`${app.url}/__bench/stop`)).json()) as { agent_stats: AgentCounters };
  return window.agent_stats;
}

/** Load that runs until `stop()` is called, then resolves with its measured phase (light by default). */
function steadyLoad(url: string, { concurrency = 2, thinkMs = 10 } = {}) {
  let stop = (): void => undefined;
  const stopSignal = new Promise<void>((resolve) => (stop = resolve));
  const report = runLoad({
    url,
    concurrency,
    thinkMs,
    mix: MIXES.standard!,
    mixName: 'standard',
    durationS: 300,
    stopSignal,
  });
  return { stop: async () => (stop(), (await report).measured) };
}

describe('the agent when things go wrong, against a real Pyroscope', () => {
  it('keeps the app serving while Pyroscope is down, bounds what it keeps, and resumes after a restart on the same port', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pyroscope-restart-'));
    let own: RunningPyroscope | undefined = await launchPyroscope({ dataDir });
    const port = own.port;
    try {
      const app = await start('ours', {
        ...agentEnv('trigs-outage', 'environment=outage'),
        PYROSCOPE_SERVER_ADDRESS: own.url,
        PYROSCOPE_UPLOAD_INTERVAL: '1s',
        BENCH_CONTROL: '1',
        NODE_OPTIONS: '--expose-gc',
      });
      const load = steadyLoad(app.url);
      await sleep(4000);
      expect((await agentCounters(app)).uploaded).toBeGreaterThan(0);
      const before = await appMemory(app);

      await own.stop();
      own = undefined;
      // 12 one-second windows: twice what the queue keeps (6), so the oldest must have been dropped.
      await sleep(12000);
      const down = await agentCounters(app);
      const during = await appMemory(app);
      expect(down.queued).toBeLessThanOrEqual(6);
      expect(down.droppedQueueFull).toBeGreaterThan(0);
      expect(down.retries).toBeGreaterThan(0);
      // Six queued profiles of a few KB each: far below this bound unless something leaks per window.
      expect(during.heap_used_mb + during.external_mb - (before.heap_used_mb + before.external_mb)).toBeLessThan(8);

      own = await launchPyroscope({ port, dataDir });
      const restartedAt = Date.now();
      await waitForProfiles(own.url, CPU, '{service_name="trigs-outage"}', restartedAt, restartedAt + 600000);
      const measured = await load.stop();
      expect(measured.requests).toBeGreaterThan(0);
      expect(measured.errors).toBe(0);
      expect((await fetch(`${app.url}/health`)).status).toBe(200);

      const resumed = await flameGraph('{service_name="trigs-outage"}', {}, { url: own.url }, restartedAt);
      expect(labels(resumed).some((name) => name.includes('convolveImage'))).toBe(true);
      const stderr = app.stderr();
      // One warning for the whole outage (refused connections or a 5xx while Pyroscope shuts down alike).
      expect(stderr.match(/retrying with backoff/g)).toHaveLength(1);
      expect(stderr).toMatch(/uploads to .* work again/);
    } finally {
      await own?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('warns once about a refused token and keeps serving; the right token gets through the same proxy', async () => {
    const proxy = await startAuthProxy(pyroscope.url, 'Bearer right-token');
    try {
      const wrong = await start('ours', {
        ...agentEnv('trigs-wrong-token', 'environment=auth'),
        PYROSCOPE_SERVER_ADDRESS: proxy.url,
        PYROSCOPE_AUTH_TOKEN: 'glc_not-this-one',
        PYROSCOPE_UPLOAD_INTERVAL: '1s',
      });
      const right = await start('ours', {
        ...agentEnv('trigs-right-token', 'environment=auth'),
        PYROSCOPE_SERVER_ADDRESS: proxy.url,
        PYROSCOPE_AUTH_TOKEN: 'right-token',
        PYROSCOPE_UPLOAD_INTERVAL: '1s',
      });
      const reports = await Promise.all(
        [wrong, right].map((app) =>
          runLoad({ url: app.url, concurrency: 1, mix: MIXES.image!, mixName: 'image', durationS: 6 })
        )
      );
      await sleep(2000);
      for (const report of reports) {
        expect(report.measured.errors).toBe(0);
      }
      const now = Date.now();
      await waitForProfiles(pyroscope.url, CPU, '{service_name="trigs-right-token"}', now - 600000, now + 60000);
      const refused = await pyroscopeSelfByFunction(
        pyroscope.url,
        CPU,
        '{service_name="trigs-wrong-token"}',
        now - 600000,
        now + 60000
      );
      expect(refused.total).toBe(0);
      const stderr = wrong.stderr();
      expect(stderr.match(/refused the credentials \(HTTP 401\)/g)).toHaveLength(1);
      expect(stderr).toMatch(/PYROSCOPE_AUTH_TOKEN/);
      expect(stderr).not.toContain('glc_not-this-one');
      expect((await fetch(`${wrong.url}/health`)).status).toBe(200);
    } finally {
      await proxy.close();
    }
  });

  it('warns about each invalid setting by name and profiles with the defaults', async () => {
    const app = await start('ours', {
      ...agentEnv('trigs-bad-config', 'environment=bad-config'),
      PYROSCOPE_SAMPLE_RATE: 'fast',
      PYROSCOPE_UPLOAD_INTERVAL: 'soon',
      PYROSCOPE_LOG_LEVEL: 'loud',
    });
    const report = await runLoad({ url: app.url, concurrency: 1, mix: MIXES.image!, mixName: 'image', durationS: 5 });
    expect(report.measured.errors).toBe(0);
    const now = Date.now();
    // The first window is cut a second after start, whatever the interval: profiles arrive without waiting 10 s.
    await waitForProfiles(pyroscope.url, CPU, '{service_name="trigs-bad-config"}', now - 600000, now + 60000);
    const stderr = app.stderr();
    for (const variable of ['PYROSCOPE_SAMPLE_RATE', 'PYROSCOPE_UPLOAD_INTERVAL', 'PYROSCOPE_LOG_LEVEL']) {
      const lines = stderr.split('\n').filter((line) => line.includes(variable));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/warn: .*(expected|must)/);
    }
    expect(stderr).toMatch(/profiling trigs-bad-config.* at 100 Hz, uploading every 10 s/);
  });

  it('keeps the app serving while the agent is stopped and started again under traced load (Node 24)', async () => {
    const app = await start(
      'ours',
      { ...agentEnv('trigs-restart', 'environment=restart'), BENCH_CONTROL: '1' },
      node24()
    );
    // The bench load: eight closed-loop workers, so many traced requests are in flight at every switch.
    const load = steadyLoad(app.url, { concurrency: 8, thinkMs: 0 });
    const switchTo = async (on: boolean): Promise<void> => {
      await sleep(1500);
      const answer = await fetch(`${app.url}/__bench/profiling?on=${on ? 1 : 0}`);
      expect(await answer.json()).toEqual({ agent: true });
    };
    for (let round = 0; round < 5; round++) {
      await switchTo(false);
      await switchTo(true);
    }
    const restartedAt = Date.now();
    await sleep(8000); // requests, garbage collections and uploads with span contexts of five earlier runs around
    const measured = await load.stop();
    expect(measured.errors).toBe(0);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    await waitForProfiles(pyroscope.url, CPU, '{service_name="trigs-restart"}', restartedAt, restartedAt + 600000);
    expect(app.stderr()).not.toMatch(/Check failed|Fatal error/);
  });

  it('stop() flushes the last window to Pyroscope before it resolves', async () => {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--require', require.resolve('tsx/cjs'), join(__dirname, 'agentStopApp.ts')],
        {
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            PYROSCOPE_SERVER_ADDRESS: pyroscope.url,
            PYROSCOPE_APPLICATION_NAME: 'agent-stop',
            OTEL_SERVICE_NAME: 'agent-stop',
            PYROSCOPE_LOG_LEVEL: 'warn',
          },
          timeout: 60000,
        },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out))
      )
    );
    const { before, after } = JSON.parse(stdout.trim().split('\n').pop()!) as {
      before: AgentCounters;
      after: AgentCounters;
    };
    expect(after.uploaded).toBeGreaterThan(before.uploaded);
    expect(after.queued).toBe(0);
    const now = Date.now();
    await waitForProfiles(pyroscope.url, CPU, '{service_name="agent-stop"}', now - 600000, now + 60000);
    const names = labels(await flameGraph('{service_name="agent-stop"}'));
    expect(names.some((name) => name.includes('burnBeforeStop'))).toBe(true);
  });
});
