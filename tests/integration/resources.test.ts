import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';

import { launchPyroscope, type RunningPyroscope } from '../pyroscope/launchPyroscope';
import { grafanaClient, type GrafanaSettings } from '../support/grafanaClient';
import { waitForProfiles } from '../support/pyroscopeDirect';
import { pushFixture } from '../support/pushFixture';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

let pyroscope: RunningPyroscope;
let settings: GrafanaSettings;
let range: string;

async function resource<T>(path: string): Promise<{ status: number; body: T }> {
  const result = await grafanaClient<{ status: number; body: T }>('resource', settings, ['--path', path]);
  if (result.exitCode !== 0 || !result.json) {
    throw new Error(`grafana-client resource failed (exit ${result.exitCode}): ${result.stderr}`);
  }
  return result.json;
}

beforeAll(async () => {
  pyroscope = await launchPyroscope();
  settings = { url: pyroscope.url };
  const now = Date.now();
  await pushFixture(pyroscope.url, 'cpu.pb.gz', {
    service: 'checkout',
    tags: { env: 'prod', region: 'eu-1' },
    timeMs: now - 60000,
  });
  await pushFixture(pyroscope.url, 'nodejs-heap.pb.gz', {
    service: 'frontend',
    tags: { env: 'dev' },
    timeMs: now - 60000,
  });
  range = `from=${now - 3600000}&to=${now + 60000}`;
  await waitForProfiles(pyroscope.url, CPU, '{service_name="checkout"}', now - 3600000, now + 60000);
  await waitForProfiles(
    pyroscope.url,
    'memory:inuse_space:bytes:inuse_space:bytes',
    '{service_name="frontend"}',
    now - 3600000,
    now + 60000
  );
});

afterAll(async () => {
  await pyroscope?.stop();
});

describe("CallResource through Grafana's client", () => {
  it('lists profile types', async () => {
    const { status, body } = await resource<Array<{ id: string }>>(`profile-types?${range}`);
    expect(status).toBe(200);
    expect(body.map((type) => type.id)).toEqual(
      expect.arrayContaining([CPU, 'memory:inuse_space:bytes:inuse_space:bytes'])
    );
  });

  it('lists the pushed label names, hiding internal ones', async () => {
    const { status, body } = await resource<string[]>(`label-names?${range}`);
    expect(status).toBe(200);
    expect(body).toEqual(expect.arrayContaining(['env', 'region', 'service_name']));
    expect(body.some((name) => name.startsWith('__'))).toBe(false);
  });

  it('lists label values, narrowed by a selector', async () => {
    const all = await resource<string[]>(`label-values?label=env&${range}`);
    expect(all.body.sort()).toEqual(['dev', 'prod']);
    const selector = encodeURIComponent('{service_name="checkout"}');
    const narrowed = await resource<string[]>(`label-values?label=env&selector=${selector}&${range}`);
    expect(narrowed.body).toEqual(['prod']);
  });

  it('tells what is missing when the label parameter is absent', async () => {
    const { status, body } = await resource<{ message: string }>(`label-values?${range}`);
    expect(status).toBe(400);
    expect(body.message).toContain('label');
  });

  it('lists services with their profile types', async () => {
    const { body } = await resource<Array<{ name: string; profileTypes: Array<{ id: string }> }>>(`services?${range}`);
    const byName = new Map(body.map((service) => [service.name, service.profileTypes.map((type) => type.id)]));
    expect(byName.get('checkout')).toEqual(expect.arrayContaining([CPU]));
    expect(byName.get('frontend')).toEqual(expect.arrayContaining(['memory:inuse_space:bytes:inuse_space:bytes']));
    expect(byName.get('frontend')).not.toContain(CPU);
  });

  it('answers 404 with the available paths for an unknown path', async () => {
    const { status, body } = await resource<{ message: string }>('no-such-thing');
    expect(status).toBe(404);
    expect(body.message).toContain('profile-types');
  });
});

describe("pprof export through Grafana's client", () => {
  it('returns the merged profile as pprof', async () => {
    const selector = encodeURIComponent('{service_name="checkout"}');
    const result = await grafanaClient<{ status: number; body: string; bodyEncoding?: string }>('resource', settings, [
      '--path',
      `export/pprof?profileTypeId=${encodeURIComponent(CPU)}&selector=${selector}&${range}`,
    ]);
    expect(result.json).toMatchObject({ status: 200, bodyEncoding: 'base64' });
    const bytes = Buffer.from(result.json!.body, 'base64');
    const profile = Profile.decode(bytes[0] === 0x1f ? gunzipSync(bytes) : bytes);
    const strings = profile.stringTable.strings;
    expect(profile.sample.length).toBeGreaterThan(0);
    expect(profile.sampleType.map((type) => strings[Number(type.type)])).toContain('cpu');
  });
});
