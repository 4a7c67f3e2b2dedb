import {
  AppPlugin,
  type DataSourceInstanceSettings,
  type PluginExtensionAddedLinkConfig,
  type PluginExtensionResourceAttributesContext,
} from '@grafana/data';
import { type DataSourceSrv, setDataSourceSrv, setTemplateSrv } from '@grafana/runtime';

import pluginJson from '../plugin.json';
import { fakeTemplateSrv } from '../datasource/testing/fakeTemplateSrv';
import { parse } from '../pages/Profiles/domain/urlState';
import { registerTraceLinks } from './registerTraceLinks';
import { TRACE_LINKS } from './traceLinks';

const settings = (uid: string, type: string, jsonData: object = {}) =>
  ({ uid, type, name: uid, jsonData }) as unknown as DataSourceInstanceSettings;

const DATASOURCES = [
  settings('tempo', 'tempo', {
    tracesToProfiles: { datasourceUid: 'profiles-b', profileTypeId: 'wall:wall:microseconds:wall:microseconds' },
  }),
  settings('profiles-a', 'emberlabs-profiles-datasource'),
  settings('profiles-b', 'emberlabs-profiles-datasource', { spanWindowPadSeconds: 30 }),
  settings('core-pyroscope', 'grafana-pyroscope-datasource'),
];

beforeAll(() => {
  setDataSourceSrv({
    getInstanceSettings: (uid: string) => DATASOURCES.find((ds) => ds.uid === uid),
    getList: ({ type }: { type: string }) => DATASOURCES.filter((ds) => ds.type === type),
  } as unknown as DataSourceSrv);
  setTemplateSrv(fakeTemplateSrv([{ name: 'service', value: 'checkout' }]));
});

const links = registerTraceLinks(new AppPlugin()).addedLinkConfigs;
const link = (title: string) => links.find((candidate) => candidate.title === title)!;
const configure = <C extends object>(title: string, context: C) =>
  (link(title) as PluginExtensionAddedLinkConfig<C>).configure?.(context);

const SPAN_ID = '7be2a3c41e9f0d28';
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const spanContext: PluginExtensionResourceAttributesContext = {
  attributes: { 'service.name': ['trigs-api'] },
  spanAttributes: { 'pyroscope.profile.id': [SPAN_ID] },
  timeRange: { from: 1767225000000, to: 1767229200000 },
  datasource: { type: 'tempo', uid: 'tempo' },
  traceID: TRACE_ID,
  spanID: SPAN_ID,
  spanStartTime: 1767225600123456,
};

describe('registerTraceLinks', () => {
  it('registers exactly the links plugin.json declares, with the same titles and targets', () => {
    const declared = pluginJson.extensions.addedLinks.map(({ title, targets }) => ({ title, targets }));
    const registered = links.map(({ title, targets }) => ({ title, targets: [targets].flat() }));
    expect(registered).toEqual(declared);
    expect(registered).toEqual(
      Object.values(TRACE_LINKS).map(({ title, targets }) => ({ title, targets: [...targets] }))
    );
    expect(links.every((candidate) => (candidate.description ?? '').length > 0 && !candidate.path)).toBe(true);
  });

  it('puts the span link on the pyroscope.profile.id row and the window link on the service.name row', () => {
    /* eslint-disable @typescript-eslint/no-deprecated -- the trace view matches rows by category */
    expect(link(TRACE_LINKS.spanProfile.title).category).toBe('pyroscope.profile.id');
    expect(link(TRACE_LINKS.serviceProfile.title).category).toBe('service.name');
    /* eslint-enable @typescript-eslint/no-deprecated */
  });

  it("uses the datasource, profile type and pad of the trace datasource's own trace-to-profiles settings", () => {
    const path = configure(TRACE_LINKS.spanProfile.title, spanContext)?.path ?? '';
    const state = parse(path);
    expect(path.startsWith('/a/emberlabs-profiles-app/profiles?')).toBe(true);
    expect(state.datasource).toBe('profiles-b');
    expect(state.main.profileTypeId).toBe('wall:wall:microseconds:wall:microseconds');
    expect(state.main.range).toEqual({ from: String(1767225600123 - 30_000), to: String(1767225600123 + 30_000) });
    expect(state.spanSelector).toEqual([SPAN_ID]);
  });

  it('falls back to our first datasource, the CPU type and a 60 s pad for a trace datasource without settings', () => {
    const state = parse(
      configure(TRACE_LINKS.serviceProfile.title, { ...spanContext, datasource: { type: 'jaeger', uid: 'jaeger' } })
        ?.path ?? ''
    );
    expect(state.datasource).toBe('profiles-a');
    expect(state.main.profileTypeId).toBe('process_cpu:cpu:nanoseconds:cpu:nanoseconds');
    expect(state.main.range).toEqual({ from: String(1767225600123 - 60_000), to: String(1767225600123 + 60_000) });
    expect(state.spanSelector).toBeUndefined();
  });

  it('hides "Open in Profiles" unless a query is of our datasource, and opens that query', () => {
    const title = TRACE_LINKS.openInProfiles.title;
    const timeRange = { from: 'now-6h', to: 'now' };
    const core = { refId: 'A', datasource: { uid: 'core-pyroscope', type: 'grafana-pyroscope-datasource' } };
    expect(configure(title, { targets: [core], timeRange })).toBeUndefined();

    const ours = {
      refId: 'B',
      datasource: { uid: 'profiles-a' },
      labelSelector: '{service_name="$service", env="prod"}',
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
    };
    const state = parse(configure(title, { targets: [core, ours], timeRange })?.path ?? '');
    expect(state.datasource).toBe('profiles-a');
    expect(state.main).toMatchObject({ service: 'checkout', filters: '{env="prod"}', range: timeRange });
  });
});
