import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

import { launchPyroscope, type RunningPyroscope } from '../pyroscope/launchPyroscope';
import { freePorts } from '../support/freePorts';
import { type DsQueryBody, grafanaClient, type GrafanaSettings } from '../support/grafanaClient';
import { pushFixture } from '../support/pushFixture';
import { waitForProfiles } from '../support/pyroscopeDirect';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const launcher = resolve(__dirname, '..', '..', 'dist', 'datasource', 'gpx_profiles_linux_amd64');

let pyroscope: RunningPyroscope;
let settings: GrafanaSettings;
let fromMs: number;
let toMs: number;

beforeAll(async () => {
  pyroscope = await launchPyroscope();
  settings = { url: pyroscope.url };
  const now = Date.now();
  await pushFixture(pyroscope.url, 'cpu.pb.gz', { service: 'errors-app', timeMs: now - 60000 });
  fromMs = now - 600000;
  toMs = now + 60000;
  await waitForProfiles(pyroscope.url, CPU, '{service_name="errors-app"}', fromMs, toMs);
});

afterAll(async () => {
  await pyroscope?.stop();
});

async function queries(target: GrafanaSettings, ...list: Array<Record<string, unknown>>): Promise<DsQueryBody> {
  const args = list.flatMap((query) => ['--query', JSON.stringify(query)]);
  const result = await grafanaClient<DsQueryBody>('query', target, [
    ...args,
    '--from',
    String(fromMs),
    '--to',
    String(toMs),
  ]);
  if (result.exitCode !== 0 || !result.json) {
    throw new Error(`grafana-client query failed (exit ${result.exitCode}): ${result.stderr}`);
  }
  return result.json;
}

const good = { refId: 'OK', queryType: 'profile', profileTypeId: CPU, labelSelector: '{service_name="errors-app"}' };

describe("malformed queries through Grafana's client", () => {
  it.each([
    ['an unclosed selector', { labelSelector: '{service_name="x"', profileTypeId: CPU }, /selector/i],
    ['a missing profile type', { labelSelector: '{}' }, /profile ?type/i],
    ['a profile type with too few parts', { labelSelector: '{}', profileTypeId: 'process_cpu:cpu' }, /profile ?type/i],
    ['an unknown query type', { queryType: 'flames', labelSelector: '{}', profileTypeId: CPU }, /query ?type/i],
    ["maxNodes above Pyroscope's limit", { labelSelector: '{}', profileTypeId: CPU, maxNodes: 5000000 }, /max ?nodes/i],
    ['a malformed span id', { labelSelector: '{}', profileTypeId: CPU, spanSelector: ['not-a-span'] }, /span/i],
  ])(
    'answers %s with a 4xx error that says what to change, and still serves the next query',
    async (_name, bad, message) => {
      const body = await queries(settings, { refId: 'BAD', queryType: 'profile', ...bad }, good);
      expect(body.results.BAD?.status).toBeGreaterThanOrEqual(400);
      expect(body.results.BAD?.status).toBeLessThan(500);
      expect(body.results.BAD?.error).toMatch(message);
      expect(body.results.OK?.status).toBe(200);
      expect(body.results.OK?.frames?.length).toBeGreaterThan(0);
    }
  );

  it('reports an unreachable Pyroscope per query, without crashing', async () => {
    const stopped = { url: `http://127.0.0.1:${(await freePorts(1))[0]}` };
    const body = await queries(stopped, good);
    expect(body.results.OK?.status).toBeGreaterThanOrEqual(500);
    expect(body.results.OK?.error).toMatch(/not reachable|connection refused/i);
    expect(body.results.OK?.errorSource).toBe('downstream');
  });

  it('reports a stopped Pyroscope, and answers again once it is back on the same address', async () => {
    const [port] = await freePorts(1);
    const target = { url: `http://127.0.0.1:${port}` };
    const first = await launchPyroscope({ port });
    await first.stop();
    const down = await queries(target, good);
    expect(down.results.OK?.error).toMatch(/not reachable|connection refused/i);

    const again = await launchPyroscope({ port });
    try {
      await pushFixture(again.url, 'cpu.pb.gz', { service: 'errors-app', timeMs: Date.now() - 30000 });
      await waitForProfiles(again.url, CPU, '{service_name="errors-app"}', fromMs, toMs);
      const up = await queries(target, good);
      expect(up.results.OK?.status).toBe(200);
    } finally {
      await again.stop();
    }
  });
});

describe('the backend process as Grafana runs it', () => {
  it('completes the handshake, answers a ping and shuts down gracefully', async () => {
    const result = await grafanaClient<{
      negotiatedVersion: number;
      protocol: string;
      ping: boolean;
      killMs: number;
      exited: boolean;
    }>('lifecycle', undefined);
    expect(result.json).toMatchObject({ negotiatedVersion: 2, protocol: 'grpc', ping: true, exited: true });
    // go-plugin waits 2 s before it SIGKILLs a plugin that ignores Shutdown.
    expect(result.json!.killMs).toBeLessThan(2000);
  });

  it('prints only the handshake line on stdout', () => {
    const run = spawnSync(launcher, [], {
      env: { ...process.env, grafana_plugin_type: 'datasource', PLUGIN_PROTOCOL_VERSIONS: '2' },
      timeout: 3000,
      killSignal: 'SIGTERM',
      encoding: 'utf8',
    });
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^1\|2\|tcp\|127\.0\.0\.1:\d+\|grpc$/);
  });

  it('says in one line that Node is missing', () => {
    const run = spawnSync('/bin/sh', [launcher], { env: { PATH: '/nonexistent' }, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/node/i);
  });
});
