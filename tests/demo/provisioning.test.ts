import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parseQuery } from '../../backend/src/queries/parseQuery';
import { QueryError } from '../../backend/src/queries/QueryError';
import { composeConfig } from '../support/composeConfig';

type Datasource = { name: string; type: string; uid: string; url: string; jsonData?: Record<string, unknown> };
type DatasourceRef = { type?: string; uid?: string };
type Target = Record<string, unknown>;
type Panel = { type: string; title: string; timeFrom?: string; datasource?: DatasourceRef; targets?: Target[] };
type Dashboard = {
  title: string;
  panels: Panel[];
  templating: { list: Array<{ name: string; datasource?: DatasourceRef; query: unknown }> };
};
type AlertData = { refId: string; datasourceUid: string; model: Record<string, unknown> };
type AlertFile = { groups: Array<{ rules: Array<{ title: string; condition: string; data: AlertData[] }> }> };

const root = resolve(__dirname, '..', '..');
const provisioning = join(root, 'provisioning');
const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(root, file), 'utf8')) as T;
const [appId, datasourceType, panelType] = ['plugin.json', 'src/datasource/plugin.json', 'src/panel/plugin.json'].map(
  (file) => readJson<{ id: string }>(file).id
);
const yamlIn = (folder: string) =>
  readdirSync(join(provisioning, folder))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => join(provisioning, folder, file));

let datasources: Datasource[];
let byUid: Map<string, Datasource>;

beforeAll(() => {
  datasources = (composeConfig(['yaml', ...yamlIn('datasources')]) as Array<{ datasources: Datasource[] }>).flatMap(
    (file) => file.datasources
  );
  byUid = new Map(datasources.map((datasource) => [datasource.uid, datasource]));
});

/** What our backend makes of a query, after Grafana's frontend has put a value into each `$variable`. */
function backendAccepts(target: Record<string, unknown>): string {
  const json = JSON.parse(JSON.stringify(target).replace(/\$service/g, 'fastapi-trigs')) as Record<string, unknown>;
  const parsed = parseQuery({
    refId: String(json.refId),
    queryType: String(json.queryType ?? ''),
    maxDataPoints: 1000,
    intervalMs: 15000,
    timeRange: { fromMs: Date.now() - 3600000, toMs: Date.now() },
    json,
  });
  return parsed instanceof QueryError ? parsed.message : 'ok';
}

function expectOurs(ref: DatasourceRef | string | undefined): void {
  const uid = typeof ref === 'string' ? ref : ref?.uid;
  const datasource = uid === undefined ? undefined : byUid.get(uid);
  expect(datasource?.type).toBe(datasourceType);
  if (typeof ref === 'object' && ref.type !== undefined) {
    expect(ref.type).toBe(datasourceType);
  }
}

describe('provisioning/: every id and uid it references exists', () => {
  it("provisions our datasource at the demo stack's Pyroscope, and Tempo at its Tempo, each uid once", () => {
    expect(byUid.size).toBe(datasources.length);
    const services = Object.keys(
      (composeConfig(['config', join(root, 'docker-compose.yaml')]) as { services: object }).services
    );
    const tempoConfig = (
      composeConfig(['yaml', join(root, 'docker', 'tempo', 'tempo.yaml')]) as Array<{
        server: { http_listen_port: number };
      }>
    )[0]!;
    const ours = datasources.filter((datasource) => datasource.type === datasourceType);
    const tempo = datasources.filter((datasource) => datasource.type === 'tempo');
    expect(ours.map((datasource) => new URL(datasource.url).host)).toEqual(['pyroscope:4040']);
    expect(tempo.map((datasource) => new URL(datasource.url).host)).toEqual([
      `tempo:${tempoConfig.server.http_listen_port}`,
    ]);
    for (const datasource of [...ours, ...tempo]) {
      expect(services).toContain(new URL(datasource.url).hostname);
    }
  });

  it("points Tempo's trace to profiles at our datasource with the CPU profile type and a custom query", () => {
    const tempo = datasources.find((datasource) => datasource.type === 'tempo')!;
    const link = tempo.jsonData?.tracesToProfiles as Record<string, unknown>;
    expectOurs(link.datasourceUid as string);
    expect(link.profileTypeId).toBe(CPU);
    expect(link.customQuery).toBe(true);
    expect(link.query).toBe('{${__tags}}');
    expect(link.tags).toEqual([{ key: 'service.name', value: 'service_name' }]);
  });

  it('enables the app with the provisioned Tempo as its trace datasource', () => {
    const [file] = composeConfig(['yaml', join(provisioning, 'plugins', 'apps.yaml')]) as Array<{
      apps: Array<{ type: string; disabled: boolean; jsonData: { tempoDatasourceUid: string } }>;
    }>;
    expect(file!.apps).toHaveLength(1);
    const app = file!.apps[0]!;
    expect([app.type, app.disabled]).toEqual([appId, false]);
    expect(byUid.get(app.jsonData.tempoDatasourceUid)?.type).toBe('tempo');
  });

  it('loads the "Service profiles" dashboard: our panel with a flame graph and an hour-on-hour diff, and CPU', () => {
    const [providers] = composeConfig(['yaml', join(provisioning, 'dashboards', 'dashboards.yaml')]) as Array<{
      providers: Array<{ type: string; options: { path: string } }>;
    }>;
    // provisioning/ is mounted at /etc/grafana/provisioning (docker-compose.yaml, checked there).
    expect(providers!.providers.map((provider) => provider.options.path)).toEqual([
      '/etc/grafana/provisioning/dashboards',
    ]);
    const dashboard = readJson<Dashboard>('provisioning/dashboards/service-profiles.json');
    expect(dashboard.title).toBe('Service profiles');
    for (const variable of dashboard.templating.list) {
      expectOurs(variable.datasource);
    }
    const kinds: string[] = [];
    for (const panel of dashboard.panels) {
      expect(['timeseries', panelType]).toContain(panel.type);
      expectOurs(panel.datasource);
      for (const target of panel.targets ?? []) {
        expectOurs(target.datasource as DatasourceRef);
        expect([panel.title, backendAccepts(target)]).toEqual([panel.title, 'ok']);
        kinds.push(`${panel.type} ${String(target.queryType)}`);
      }
    }
    expect(kinds.sort()).toEqual([`${panelType} diff`, `${panelType} profile`, 'timeseries metrics']);
    const diff = dashboard.panels.find((panel) => panel.targets?.[0]?.queryType === 'diff')!;
    // The panel's range is the last hour; the baseline is that range moved an hour earlier.
    expect(diff.timeFrom).toBe('1h');
    expect(diff.targets![0]!.baseline).toEqual({ shift: '1h' });
    expect(diff.targets![0]!.comparison).toBeUndefined();
  });

  it('provisions an alert rule on a profile metric that our backend answers', () => {
    expect(readJson<{ alerting: boolean }>('src/datasource/plugin.json').alerting).toBe(true);
    const rules = (composeConfig(['yaml', ...yamlIn('alerting')]) as AlertFile[]).flatMap((file) =>
      file.groups.flatMap((group) => group.rules)
    );
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.data.map((data) => data.refId)).toContain(rule.condition);
      for (const data of rule.data) {
        if (data.datasourceUid === '__expr__') {
          continue;
        }
        expectOurs(data.datasourceUid);
        expect(data.model.queryType).toBe('metrics');
        expect([rule.title, backendAccepts(data.model)]).toEqual([rule.title, 'ok']);
      }
    }
  });
});
