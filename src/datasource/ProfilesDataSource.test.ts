import { CoreApp, dateTime, type DataQueryRequest } from '@grafana/data';
import { setBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import type { ProfilesVariableSupport } from './ProfilesVariableSupport';
import { fakeBackendSrv } from './testing/fakeBackendSrv';
import { fakeTemplateSrv } from './testing/fakeTemplateSrv';
import { testDataSource } from './testing/testDataSource';
import type { ProfileQuery, VariableQuery } from './types';

const range = {
  from: dateTime(1767225600000),
  to: dateTime(1767229200000),
  raw: { from: 'now-1h', to: 'now' },
};

const templateSrv = fakeTemplateSrv([
  { name: 'service', value: ['checkout', 'cart'], multi: true },
  { name: 'type', value: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' },
  { name: 'label', value: 'pod' },
  { name: 'groups', value: ['pod', 'region'], multi: true },
  { name: 'spans', value: ['7be2a3c41e9f0d28', '00000000000000ff'], multi: true },
  { name: 'shift', value: '1w' },
]);

function answering(routes: Record<string, unknown>) {
  const fake = fakeBackendSrv((request) => {
    const path = request.url.replace('/api/datasources/uid/profiles-uid/resources/', '');
    return path in routes ? { data: routes[path] } : { status: 404, data: { message: `no route ${path}` } };
  });
  setBackendSrv(fake.backendSrv);
  return fake.requests;
}

describe('ProfilesDataSource', () => {
  const ds = testDataSource(templateSrv);

  describe('metricFindQuery(query, options)', () => {
    it('lists profile types: text is the name, value the ID', async () => {
      const requests = answering({
        'profile-types': [
          { id: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds', label: 'process_cpu - cpu' },
          { id: 'memory:alloc_space:bytes:space:bytes', label: 'memory - alloc_space' },
        ],
      });
      const values = await ds.metricFindQuery({ refId: 'v', type: 'profileType' }, { range });
      expect(values).toEqual([
        { text: 'process_cpu - cpu', value: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' },
        { text: 'memory - alloc_space', value: 'memory:alloc_space:bytes:space:bytes' },
      ]);
      expect(requests[0]?.params).toEqual({ from: 1767225600000, to: 1767229200000 });
    });

    it('lists label names of the series its selector matches, variables interpolated', async () => {
      const requests = answering({ 'label-names': ['pod', 'service_name'] });
      const values = await ds.metricFindQuery(
        { refId: 'v', type: 'labelName', labelSelector: '{service_name="$service"}' },
        { range }
      );
      expect(values).toEqual([
        { text: 'pod', value: 'pod' },
        { text: 'service_name', value: 'service_name' },
      ]);
      expect(requests[0]?.params).toEqual({
        from: 1767225600000,
        to: 1767229200000,
        selector: '{service_name=~"checkout|cart"}',
      });
    });

    it('lists the values of a label (the label may be a variable)', async () => {
      const requests = answering({ 'label-values': ['api-1', 'api-2'] });
      const values = await ds.metricFindQuery({ refId: 'v', type: 'labelValue', labelName: '$label' }, { range });
      expect(values.map((v) => v.value)).toEqual(['api-1', 'api-2']);
      expect(requests[0]?.params).toMatchObject({ label: 'pod', selector: '{}' });
    });

    it('lists nothing for label values without a label', async () => {
      const requests = answering({});
      expect(await ds.metricFindQuery({ refId: 'v', type: 'labelValue' }, { range })).toEqual([]);
      expect(requests).toHaveLength(0);
    });

    it('rejects with the backend message when the resource fails', async () => {
      setBackendSrv(
        fakeBackendSrv(() => ({ status: 502, data: { message: 'Pyroscope at http://x:4040 is unreachable' } }))
          .backendSrv
      );
      await expect(ds.metricFindQuery({ refId: 'v', type: 'profileType' })).rejects.toMatchObject({
        data: { message: 'Pyroscope at http://x:4040 is unreachable' },
      });
    });

    it('answers variable queries through its variable support', async () => {
      answering({ 'label-names': ['pod'] });
      const request = { targets: [{ refId: 'v', type: 'labelName' }], range, scopedVars: {} };
      const response = await lastValueFrom(
        (ds.variables as ProfilesVariableSupport).query(request as unknown as DataQueryRequest<VariableQuery>)
      );
      expect(response.data).toEqual([{ text: 'pod', value: 'pod' }]);
    });
  });

  describe('applyTemplateVariables(query, scopedVars, filters)', () => {
    it('interpolates every field of a query', () => {
      const query: ProfileQuery = {
        refId: 'A',
        queryType: 'both',
        profileTypeId: '$type',
        labelSelector: '{service_name="$service"}',
        groupBy: ['$groups', 'version'],
        spanSelector: ['$spans'],
      };
      expect(ds.applyTemplateVariables(query, {})).toEqual({
        refId: 'A',
        queryType: 'both',
        profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
        labelSelector: '{service_name=~"checkout|cart"}',
        groupBy: ['pod', 'region', 'version'],
        spanSelector: ['7be2a3c41e9f0d28', '00000000000000ff'],
      });
    });

    it("interpolates a diff's sides", () => {
      const query: ProfileQuery = {
        refId: 'A',
        queryType: 'diff',
        profileTypeId: '$type',
        labelSelector: '{service_name="checkout"}',
        comparison: { labelSelector: '{service_name!="$service"}', shift: '$shift' },
      };
      expect(ds.applyTemplateVariables(query, {}).comparison).toEqual({
        labelSelector: '{service_name!~"checkout|cart"}',
        shift: '1w',
      });
    });

    it('adds ad hoc filters to the selector', () => {
      const query: ProfileQuery = {
        refId: 'A',
        profileTypeId: 'x:y:z:a:b',
        labelSelector: '{service_name="checkout"}',
      };
      const filtered = ds.applyTemplateVariables(query, {}, [
        { key: 'env', operator: '=', value: 'prod' },
        { key: 'pod', operator: '=|', value: 'a.1', values: ['a.1', 'b'] },
        { key: 'size', operator: '>', value: '3' },
      ]);
      expect(filtered.labelSelector).toBe('{service_name="checkout", env="prod", pod=~"a\\\\.1|b"}');
    });
  });

  it('runs only visible queries with a profile type', () => {
    expect(ds.filterQuery({ refId: 'A', profileTypeId: 'x' })).toBe(true);
    expect(ds.filterQuery({ refId: 'A' })).toBe(false);
    expect(ds.filterQuery({ refId: 'A', profileTypeId: 'x', hide: true })).toBe(false);
  });

  it('starts Explore with flame graph and series, dashboards with the flame graph', () => {
    expect(ds.getDefaultQuery(CoreApp.Explore).queryType).toBe('both');
    expect(ds.getDefaultQuery(CoreApp.Dashboard)).toMatchObject({ queryType: 'profile', maxNodes: 16384 });
  });

  it.each<[ProfileQuery, string]>([
    [
      { refId: 'A', queryType: 'metrics', profileTypeId: 't', labelSelector: '{a="1"}', groupBy: ['pod'], limit: 5 },
      'metrics t {a="1"} by pod top 5',
    ],
    [{ refId: 'A', queryType: 'profile', profileTypeId: 't', spanSelector: ['abc'] }, 'profile t {} spans abc'],
    [
      { refId: 'A', queryType: 'diff', profileTypeId: 't', labelSelector: '{a="1"}', comparison: { shift: '1w' } },
      'diff t {a="1"} vs 1w earlier',
    ],
    [
      {
        refId: 'A',
        queryType: 'diff',
        profileTypeId: 't',
        comparison: { labelSelector: '{a="2"}', timeRange: { fromMs: 0, toMs: 60000 } },
      },
      'diff t {} vs {a="2"} 1970-01-01T00:00:00.000Z to 1970-01-01T00:01:00.000Z',
    ],
  ])('shows a query as one line: %j', (query, text) => {
    expect(ds.getQueryDisplayText(query)).toBe(text);
  });

  it('downloads pprof as a blob through the export resource', async () => {
    const requests = answering({ 'export/pprof': 'binary' });
    await ds.exportPprof('x:y:z:a:b', '{service_name="checkout"}', range);
    expect(requests[0]).toMatchObject({
      url: '/api/datasources/uid/profiles-uid/resources/export/pprof',
      responseType: 'blob',
      params: {
        from: 1767225600000,
        to: 1767229200000,
        profileTypeId: 'x:y:z:a:b',
        selector: '{service_name="checkout"}',
      },
    });
  });
});
