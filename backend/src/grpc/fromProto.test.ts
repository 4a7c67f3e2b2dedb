import {
  callResourceRequestFromProto,
  checkHealthRequestFromProto,
  pluginContextFromProto,
  queryDataRequestFromProto,
} from './fromProto';
import { InvalidRequestError } from './InvalidRequestError';
import type { WirePluginContext } from './wireTypes';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

const wireContext = (jsonData: Buffer): WirePluginContext => ({
  orgId: 3,
  pluginId: 'emberlabs-profiles-datasource',
  user: { login: 'alice' },
  dataSourceInstanceSettings: {
    uid: 'pyro-1',
    name: 'Pyroscope',
    url: 'http://127.0.0.1:4040',
    basicAuthEnabled: true,
    basicAuthUser: 'bob',
    jsonData,
    decryptedSecureJsonData: { basicAuthPassword: ' p@ss "word"\n', token: '' },
    lastUpdatedMS: 1_700_000_000_123,
  },
  grafanaConfig: { GF_APP_URL: 'http://grafana.local/' },
});

describe('pluginContextFromProto(wire)', () => {
  it('converts the context with the datasource, its parsed jsonData and its secrets as given', () => {
    expect(pluginContextFromProto(wireContext(json({ tenantId: 'team-a', nested: { n: 1 } })))).toEqual({
      orgId: 3,
      pluginId: 'emberlabs-profiles-datasource',
      userLogin: 'alice',
      grafanaConfig: { GF_APP_URL: 'http://grafana.local/' },
      dataSource: {
        uid: 'pyro-1',
        name: 'Pyroscope',
        url: 'http://127.0.0.1:4040',
        jsonData: { tenantId: 'team-a', nested: { n: 1 } },
        secureJsonData: { basicAuthPassword: ' p@ss "word"\n', token: '' },
        basicAuthEnabled: true,
        basicAuthUser: 'bob',
        lastUpdatedMs: 1_700_000_000_123,
      },
    });
  });

  it.each([
    ['empty bytes', Buffer.alloc(0)],
    ['JSON null', Buffer.from('null')],
  ])('reads %s as an empty jsonData', (_name, jsonData) => {
    expect(pluginContextFromProto(wireContext(jsonData)).dataSource?.jsonData).toEqual({});
  });

  it.each([
    ['text that is not JSON', '{"url": '],
    ['an array', '[1, 2]'],
    ['a string', '"text"'],
    ['a number', '42'],
  ])('rejects jsonData that is %s with a message saying what to do', (_name, text) => {
    const convert = () => pluginContextFromProto(wireContext(Buffer.from(text)));
    expect(convert).toThrow(InvalidRequestError);
    expect(convert).toThrow(/jsonData.*save it again/);
  });

  it('leaves out the datasource and user when Grafana sends none (app or alerting calls)', () => {
    expect(pluginContextFromProto({ orgId: 1, pluginId: 'x', user: null, dataSourceInstanceSettings: null })).toEqual({
      orgId: 1,
      pluginId: 'x',
      grafanaConfig: {},
    });
    expect(pluginContextFromProto(null)).toEqual({ orgId: 0, pluginId: '', grafanaConfig: {} });
  });
});

describe('queryDataRequestFromProto(wire)', () => {
  it('converts queries with their time range and parsed JSON', () => {
    const query = {
      refId: 'A',
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      datasource: { uid: 'pyro-1' },
    };
    const request = queryDataRequestFromProto({
      pluginContext: { orgId: 1, pluginId: 'p' },
      headers: { http_X_Grafana_Org_Id: '1' },
      queries: [
        {
          refId: 'A',
          queryType: 'profile',
          maxDataPoints: 1200,
          intervalMS: 15000,
          timeRange: { fromEpochMS: 1_700_000_000_000, toEpochMS: 1_700_000_360_000 },
          json: json(query),
        },
      ],
    });
    expect(request.headers).toEqual({ http_X_Grafana_Org_Id: '1' });
    expect(request.queries).toEqual([
      {
        refId: 'A',
        queryType: 'profile',
        maxDataPoints: 1200,
        intervalMs: 15000,
        timeRange: { fromMs: 1_700_000_000_000, toMs: 1_700_000_360_000 },
        json: query,
      },
    ]);
  });

  it('rejects a query whose JSON is not an object', () => {
    expect(() => queryDataRequestFromProto({ queries: [{ refId: 'B', json: Buffer.from('[]') }] })).toThrow(
      /Query B is not a JSON object/
    );
  });
});

describe('callResourceRequestFromProto(wire)', () => {
  it('converts path, method, url, multi-valued headers and body', () => {
    expect(
      callResourceRequestFromProto({
        pluginContext: { orgId: 1, pluginId: 'p' },
        path: '/labels',
        method: 'POST',
        url: 'labels?from=1',
        headers: { Accept: { values: ['application/json', 'text/plain'] }, Empty: {} },
        body: Buffer.from('{"q":1}'),
      })
    ).toEqual({
      context: { orgId: 1, pluginId: 'p', grafanaConfig: {} },
      path: 'labels',
      method: 'POST',
      url: 'labels?from=1',
      headers: { Accept: ['application/json', 'text/plain'], Empty: [] },
      body: Buffer.from('{"q":1}'),
    });
  });
});

describe('checkHealthRequestFromProto(wire)', () => {
  it('converts context and headers', () => {
    expect(
      checkHealthRequestFromProto({ pluginContext: { orgId: 2 }, headers: { Authorization: 'Bearer t' } })
    ).toEqual({
      context: { orgId: 2, pluginId: '', grafanaConfig: {} },
      headers: { Authorization: 'Bearer t' },
    });
  });
});
