import type { LogFields, Logger } from '../grpc/hclogLogger';
import type { DataQuery, DataSourceInstance, PluginContext, PluginHandlers } from '../plugin/types';
import {
  type CannedAnswer,
  jsonAnswer,
  type RecordedCall,
  startTestConnectServer,
  type TestConnectServer,
} from '../pyroscope/startTestConnectServer';
import { encodeTestMessage } from '../pyroscope/testQuerierProto';
import { createPluginHandlers } from './createPluginHandlers';

const CPU_ID = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const SECRET = 'handler-secret-password';

type LogLine = { level: keyof Logger; message: string; fields?: LogFields };

function recordingLogger(lines: LogLine[]): Logger {
  const log = (level: keyof Logger) => (message: string, fields?: LogFields) => lines.push({ level, message, fields });
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function profileQuery(refId: string): DataQuery {
  return {
    refId,
    queryType: 'profile',
    maxDataPoints: 1000,
    intervalMs: 15000,
    timeRange: { fromMs: 1767225600000, toMs: 1767229200000 },
    json: { refId, profileTypeId: CPU_ID, labelSelector: '{}' },
  };
}

describe('createPluginHandlers', () => {
  let server: TestConnectServer;
  let answer: (call: RecordedCall) => CannedAnswer;
  let lines: LogLine[];
  let handlers: PluginHandlers;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    server = await startTestConnectServer((call) => answer(call));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    lines = [];
    handlers = createPluginHandlers(recordingLogger(lines));
    answer = () => jsonAnswer({ profileTypes: [{ ID: CPU_ID, name: 'process_cpu', sampleType: 'cpu' }] });
  });

  function context(overrides: Partial<DataSourceInstance> = {}, orgId = 1): PluginContext {
    return {
      orgId,
      pluginId: 'emberlabs-profiles-datasource',
      grafanaConfig: {},
      dataSource: {
        uid: 'pyro',
        name: 'Pyroscope',
        url: server.url,
        jsonData: { authType: 'basic', basicAuthUser: 'grafana' },
        secureJsonData: { basicAuthPassword: SECRET },
        basicAuthEnabled: true,
        basicAuthUser: 'grafana',
        lastUpdatedMs: 1,
        ...overrides,
      },
    };
  }

  it('checks health against the configured Pyroscope', async () => {
    const result = await handlers.checkHealth({ context: context(), headers: {} }, signal);
    expect(result).toMatchObject({
      status: 'OK',
      message: `Connected to Pyroscope at ${server.url}: 1 profile type in the last hour (process_cpu)`,
    });
    expect(server.calls[server.calls.length - 1]!.headers.authorization).toBe(
      `Basic ${Buffer.from(`grafana:${SECRET}`).toString('base64')}`
    );
  });

  it('answers queries through queryData with the cached client', async () => {
    answer = () => ({
      contentType: 'application/proto',
      body: encodeTestMessage('SelectMergeStacktracesResponse', {
        flamegraph: {
          names: ['total', 'a'],
          levels: [{ values: [0, 5, 0, 0] }, { values: [0, 5, 5, 1] }],
          total: 5,
          max_self: 5,
        },
      }),
    });
    const response = await handlers.queryData(
      { context: context(), headers: {}, queries: [profileQuery('A'), profileQuery('B')] },
      signal
    );
    expect(response.responses.A).toMatchObject({ status: 200 });
    expect(response.responses.A!.frames.length).toBeGreaterThan(0);
    expect(response.responses.B).toMatchObject({ status: 200 });
  });

  it('serves resources', async () => {
    const response = await handlers.callResource(
      {
        context: context(),
        path: 'profile-types',
        method: 'GET',
        url: 'profile-types',
        headers: {},
        body: Buffer.alloc(0),
      },
      signal
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual([
      expect.objectContaining({ id: CPU_ID, label: 'process_cpu - cpu' }),
    ]);
  });

  it('keeps settings until lastUpdatedMs changes, per organisation', async () => {
    await handlers.checkHealth({ context: context(), headers: {} }, signal);
    // Same version: the cached client still goes to the first URL, even if the request says otherwise.
    const moved = await handlers.checkHealth({ context: context({ url: 'http://127.0.0.1:9' }), headers: {} }, signal);
    expect(moved.status).toBe('OK');
    const updated = await handlers.checkHealth(
      { context: context({ url: '', lastUpdatedMs: 2 }), headers: {} },
      signal
    );
    expect(updated).toMatchObject({ status: 'ERROR', details: { kind: 'bad_settings', setting: 'url' } });
    // Another organisation's datasource with the same UID is another instance.
    const otherOrg = await handlers.checkHealth({ context: context({}, 2), headers: {} }, signal);
    expect(otherOrg.status).toBe('OK');
  });

  describe('with broken settings', () => {
    const broken = () => context({ jsonData: { authType: 'bearer' }, secureJsonData: {} });

    it('gives every query the fix', async () => {
      const response = await handlers.queryData(
        { context: broken(), headers: {}, queries: [profileQuery('A'), profileQuery('B')] },
        signal
      );
      for (const refId of ['A', 'B']) {
        expect(response.responses[refId]).toEqual({
          frames: [],
          status: 400,
          error: 'Bearer token authentication is selected: set the bearer token',
          errorSource: 'downstream',
        });
      }
    });

    it('answers resources and health with the fix', async () => {
      const resource = await handlers.callResource(
        {
          context: broken(),
          path: 'label-names',
          method: 'GET',
          url: 'label-names',
          headers: {},
          body: Buffer.alloc(0),
        },
        signal
      );
      expect(resource.status).toBe(400);
      expect(JSON.parse(resource.body.toString())).toEqual({
        message: 'Bearer token authentication is selected: set the bearer token',
        kind: 'bad_settings',
      });
      const health = await handlers.checkHealth({ context: broken(), headers: {} }, signal);
      expect(health).toMatchObject({
        status: 'ERROR',
        message: 'Bearer token authentication is selected: set the bearer token',
      });
    });

    it('warns once per settings version', async () => {
      await handlers.checkHealth({ context: broken(), headers: {} }, signal);
      await handlers.checkHealth({ context: broken(), headers: {} }, signal);
      expect(lines.filter((line) => line.level === 'warn')).toEqual([
        {
          level: 'warn',
          message: 'datasource settings are invalid',
          fields: {
            uid: 'pyro',
            setting: 'bearerToken',
            error: 'Bearer token authentication is selected: set the bearer token',
          },
        },
      ]);
    });
  });

  describe('without a datasource in the context', () => {
    const bare: PluginContext = { orgId: 1, pluginId: 'emberlabs-profiles-datasource', grafanaConfig: {} };

    it('answers every service with a clear error', async () => {
      const query = await handlers.queryData({ context: bare, headers: {}, queries: [profileQuery('A')] }, signal);
      expect(query.responses.A).toMatchObject({
        status: 400,
        error: expect.stringContaining('Grafana sent no datasource settings'),
      });
      const resource = await handlers.callResource(
        { context: bare, path: 'services', method: 'GET', url: 'services', headers: {}, body: Buffer.alloc(0) },
        signal
      );
      expect(resource.status).toBe(400);
      expect(JSON.parse(resource.body.toString())).toMatchObject({ kind: 'no_datasource' });
      const health = await handlers.checkHealth({ context: bare, headers: {} }, signal);
      expect(health).toMatchObject({ status: 'ERROR', details: { kind: 'no_datasource' } });
    });
  });

  it('logs every call at debug level, after its answer, with its duration and never a secret', async () => {
    await handlers.checkHealth({ context: context(), headers: {} }, signal);
    await handlers.callResource(
      { context: context(), path: 'services', method: 'GET', url: 'services', headers: {}, body: Buffer.alloc(0) },
      signal
    );
    answer = () => jsonAnswer({ code: 'unauthenticated', message: `password ${SECRET} is wrong` }, 401);
    await handlers.queryData({ context: context(), headers: {}, queries: [profileQuery('A')] }, signal);
    expect(lines.map((line) => line.message)).not.toContain('queryData'); // written after the answer
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lines.map((line) => [line.level, line.message])).toEqual([
      ['debug', 'checkHealth'],
      ['debug', 'callResource'],
      ['debug', 'queryData'],
    ]);
    for (const line of lines) {
      expect(line.fields).toMatchObject({ uid: 'pyro', durationMs: expect.any(Number) });
    }
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  });
});
