import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { PYROSCOPE_VERSION } from '../pyroscope/buildPyroscope';
import { composeConfig } from '../support/composeConfig';
import { preparePythonVenv } from '../support/preparePythonVenv';
import { variablesReadBy } from '../support/variablesReadBy';

// What the compose-spec loader resolves a service to (the parts these checks read).
type Service = {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[] | null;
  environment?: Record<string, string | null>;
  volumes?: Array<{ type: string; source: string; target: string }>;
};
type Project = { services: Record<string, Service> };

const root = resolve(__dirname, '..', '..');
const composeFile = join(root, 'docker-compose.yaml');
const pluginIds = ['plugin.json', 'src/datasource/plugin.json', 'src/panel/plugin.json'].map(
  (file) => (JSON.parse(readFileSync(join(root, file), 'utf8')) as { id: string }).id
);

let project: Project;

beforeAll(() => {
  project = composeConfig(['config', composeFile]) as Project;
});

function pinned(image: string): boolean {
  const tag = /:([^:/@]+)$/.exec(image)?.[1];
  return tag !== undefined && tag !== 'latest' && /\d/.test(tag);
}

describe('docker-compose.yaml, as Docker Compose loads it', () => {
  it('is a valid compose file (the loader rejects an invalid one, so this check can fail)', () => {
    expect(Object.keys(project.services).sort()).toEqual(
      ['fastapi-app', 'fastapi-load', 'grafana', 'pyroscope', 'tempo', 'trigs-api', 'trigs-load'].sort()
    );
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    try {
      const broken = join(dir, 'docker-compose.yaml');
      writeFileSync(
        broken,
        readFileSync(composeFile, 'utf8').replace('    image: grafana/tempo', '    imagee: grafana/tempo')
      );
      expect(() => composeConfig(['config', broken])).toThrow(/imagee/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pins every image, pulled or built, and every base image of what it builds', () => {
    for (const [name, service] of Object.entries(project.services)) {
      expect([name, pinned(service.image ?? '')]).toEqual([name, true]);
      if (service.build) {
        const dockerfile = join(service.build.context, service.build.dockerfile);
        expect(existsSync(dockerfile)).toBe(true);
        const bases = [...readFileSync(dockerfile, 'utf8').matchAll(/^FROM\s+(\S+)/gm)].map((match) => match[1]!);
        expect(bases.length).toBeGreaterThan(0);
        for (const base of bases) {
          expect([dockerfile, base, pinned(base)]).toEqual([dockerfile, base, true]);
        }
      }
    }
  });

  it('runs the Pyroscope version that npm test builds and tests against', () => {
    expect(project.services.pyroscope!.image).toBe(`grafana/pyroscope:${PYROSCOPE_VERSION.replace(/^v/, '')}`);
  });

  it('mounts the built plugin and the provisioning into Grafana and allows exactly our unsigned plugins', () => {
    const grafana = project.services.grafana!;
    const mounts = Object.fromEntries((grafana.volumes ?? []).map((volume) => [volume.target, volume.source]));
    expect(mounts[`/var/lib/grafana/plugins/${pluginIds[0]}`]).toBe(join(root, 'dist'));
    expect(mounts['/etc/grafana/provisioning']).toBe(join(root, 'provisioning'));
    const allowed = grafana.environment?.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS ?? '';
    expect(allowed.split(',').sort()).toEqual([...pluginIds].sort());
    for (const volume of Object.values(project.services).flatMap((service) => service.volumes ?? [])) {
      if (volume.type === 'bind' && volume.source !== join(root, 'dist')) {
        expect([volume.source, existsSync(volume.source)]).toEqual([volume.source, true]);
      }
    }
  });

  it("names the trace's service.name and the profile's service_name alike, so span links find the profiles", () => {
    const env = project.services['trigs-api']!.environment!;
    expect(env.PYROSCOPE_APPLICATION_NAME).toBe(env.OTEL_SERVICE_NAME);
  });

  it('sets only variables that the agent, the sample apps or their SDKs read', async () => {
    const python = await preparePythonVenv();
    const sitePackages = execFileSync(python, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], {
      encoding: 'utf8',
    }).trim();
    // Each OpenTelemetry package's CommonJS build (its other builds repeat the same code).
    const otelDir = join(root, 'node_modules', '@opentelemetry');
    const otelNode = readdirSync(otelDir)
      .map((name) => join(otelDir, name, 'build', 'src'))
      .filter((dir) => existsSync(dir));
    const nodeReaders = variablesReadBy(
      [join(root, 'agent', 'src'), join(root, 'samples', 'trigs-api', 'src'), ...otelNode],
      ['.ts', '.js']
    );
    const pythonReaders = variablesReadBy(
      [join(root, 'samples', 'fastapi-app', 'app'), join(sitePackages, 'opentelemetry')],
      ['.py']
    );
    const readers: Record<string, Set<string>> = { 'trigs-api': nodeReaders, 'fastapi-app': pythonReaders };
    for (const [name, service] of Object.entries(project.services)) {
      if (name === 'grafana') {
        continue; // Grafana's own GF_* settings, checked above
      }
      for (const variable of Object.keys(service.environment ?? {})) {
        expect([name, variable, readers[name]?.has(variable) ?? false]).toEqual([name, variable, true]);
      }
    }
  });
});
