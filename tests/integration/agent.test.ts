import { node24 } from '../../agent/scripts/node24';
import { MIXES } from '../../samples/load-generator/src/mixes';
import { runLoad } from '../../samples/load-generator/src/runLoad';
import { launchPyroscope, type RunningPyroscope } from '../pyroscope/launchPyroscope';
import { column, grafanaClient, type GrafanaSettings, labels, queryThroughGrafana } from '../support/grafanaClient';
import { waitForProfiles } from '../support/pyroscopeDirect';
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

async function flameGraph(selector: string, extra: Record<string, unknown> = {}) {
  const now = Date.now();
  const body = await queryThroughGrafana(
    settings,
    { refId: 'A', queryType: 'profile', profileTypeId: CPU, labelSelector: selector, ...extra },
    now - 15 * 60000,
    now + 60000
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
