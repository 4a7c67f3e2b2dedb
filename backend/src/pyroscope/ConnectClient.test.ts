import { Profile, StringTable, ValueType } from 'pprof-format';

import type { DatasourceSettings } from '../settings/DatasourceSettings';
import { ConnectClient } from './ConnectClient';
import { PyroscopeError } from './PyroscopeError';
import {
  type CannedAnswer,
  jsonAnswer,
  type RecordedCall,
  startTestConnectServer,
  type TestConnectServer,
} from './startTestConnectServer';
import { decodeTestMessage, encodeTestMessage } from './testQuerierProto';
import type { MergeRequest } from './types';
import { testSettings } from '../settings/testSettings';

const WINDOW = { startMs: 1767225600000, endMs: 1767229200000 };
const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

/** Decoded levels are typed arrays. */
function levels(...rows: number[][]): Float64Array[] {
  return rows.map((row) => new Float64Array(row));
}

function protoAnswer(message: string, value: Record<string, unknown>): CannedAnswer {
  return { contentType: 'application/proto', body: encodeTestMessage(message, value) };
}

const merge: MergeRequest = {
  profileTypeId: CPU,
  labelSelector: '{service_name="checkout"}',
  window: WINDOW,
  maxNodes: 4096,
};

// The worked example of the reference: stacks a;b self 3, a;c self 2, d self 4.
const exampleGraph = {
  names: ['total', 'd', 'a', 'c', 'b'],
  levels: [{ values: [0, 9, 0, 0] }, { values: [0, 5, 0, 2, 0, 4, 4, 1] }, { values: [0, 3, 3, 4, 0, 2, 2, 3] }],
  total: 9,
  max_self: 4,
};

describe('ConnectClient', () => {
  let server: TestConnectServer;
  let next: (call: RecordedCall) => CannedAnswer;

  beforeAll(async () => {
    server = await startTestConnectServer((call) => next(call));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.calls.length = 0;
  });

  function lastCall(): RecordedCall {
    const call = server.calls[server.calls.length - 1];
    if (call === undefined) {
      throw new Error('no call reached the test server');
    }
    return call;
  }

  describe('requests', () => {
    it('sends Connect JSON with auth, tenant, custom headers and the timeout', async () => {
      next = () => jsonAnswer({});
      const client = new ConnectClient(
        testSettings(server.url, {
          auth: { mode: 'basic', user: 'u', password: 'p' },
          tenantId: 'team-a',
          headers: { 'X-Team': 'blue' },
          timeoutMs: 12000,
        })
      );
      await client.profileTypes(WINDOW);
      const call = lastCall();
      expect(call.httpMethod).toBe('POST');
      expect(call.path).toBe('/querier.v1.QuerierService/ProfileTypes');
      expect(call.headers).toMatchObject({
        'content-type': 'application/json',
        accept: 'application/json; allow-utf8-labelnames=true',
        'connect-protocol-version': '1',
        'connect-timeout-ms': '12000',
        authorization: `Basic ${Buffer.from('u:p').toString('base64')}`,
        'x-scope-orgid': 'team-a',
        'x-team': 'blue',
      });
      expect(JSON.parse(call.body.toString())).toEqual({ start: WINDOW.startMs, end: WINDOW.endMs });
    });

    it('sends a bearer token and no tenant header when none is set', async () => {
      next = () => jsonAnswer({});
      await new ConnectClient(testSettings(server.url, { auth: { mode: 'bearer', token: 'tok' } })).labelNames(
        '{}',
        WINDOW
      );
      expect(lastCall().headers.authorization).toBe('Bearer tok');
      expect(lastCall().headers).not.toHaveProperty('x-scope-orgid');
    });

    it('keeps the path prefix of the URL', async () => {
      next = () => jsonAnswer({});
      await new ConnectClient(testSettings(`${server.url}/pyroscope`)).labelNames('{}', WINDOW);
      expect(lastCall().path).toBe('/pyroscope/querier.v1.QuerierService/LabelNames');
    });
  });

  describe('JSON look-ups', () => {
    it('decodes profile types, filling omitted fields', async () => {
      next = () =>
        jsonAnswer({
          profileTypes: [
            {
              ID: CPU,
              name: 'process_cpu',
              sampleType: 'cpu',
              sampleUnit: 'nanoseconds',
              periodType: 'cpu',
              periodUnit: 'nanoseconds',
            },
            { ID: 'memory:alloc_space:bytes::', name: 'memory', sampleType: 'alloc_space', sampleUnit: 'bytes' },
          ],
        });
      await expect(new ConnectClient(testSettings(server.url)).profileTypes(WINDOW)).resolves.toEqual([
        {
          id: CPU,
          name: 'process_cpu',
          sampleType: 'cpu',
          sampleUnit: 'nanoseconds',
          periodType: 'cpu',
          periodUnit: 'nanoseconds',
        },
        {
          id: 'memory:alloc_space:bytes::',
          name: 'memory',
          sampleType: 'alloc_space',
          sampleUnit: 'bytes',
          periodType: '',
          periodUnit: '',
        },
      ]);
    });

    it('answers [] when Pyroscope omits an empty list', async () => {
      next = () => jsonAnswer({});
      const client = new ConnectClient(testSettings(server.url));
      await expect(client.profileTypes(WINDOW)).resolves.toEqual([]);
      await expect(client.labelValues('service_name', '{}', WINDOW)).resolves.toEqual([]);
      await expect(client.series('{}', [], WINDOW)).resolves.toEqual([]);
      await expect(
        client.selectSeries({ profileTypeId: CPU, labelSelector: '{}', window: WINDOW, stepSeconds: 15, groupBy: [] })
      ).resolves.toEqual([]);
    });

    it('asks for label names and values with the selector as a matcher', async () => {
      next = (call) =>
        jsonAnswer({ names: call.method === 'LabelNames' ? ['__name__', 'service_name'] : ['checkout', 'frontend'] });
      const client = new ConnectClient(testSettings(server.url));
      await expect(client.labelNames('{env="prod"}', WINDOW)).resolves.toEqual(['__name__', 'service_name']);
      expect(JSON.parse(lastCall().body.toString())).toEqual({
        matchers: ['{env="prod"}'],
        start: WINDOW.startMs,
        end: WINDOW.endMs,
      });
      await expect(client.labelValues('service_name', '{}', WINDOW)).resolves.toEqual(['checkout', 'frontend']);
      expect(JSON.parse(lastCall().body.toString())).toEqual({
        name: 'service_name',
        matchers: ['{}'],
        start: WINDOW.startMs,
        end: WINDOW.endMs,
      });
    });

    it('decodes Series label sets', async () => {
      next = () =>
        jsonAnswer({
          labelsSet: [
            {
              labels: [
                { name: 'service_name', value: 'checkout' },
                { name: '__profile_type__', value: CPU },
              ],
            },
            { labels: [{ name: 'service_name', value: 'frontend' }] },
            {},
          ],
        });
      await expect(
        new ConnectClient(testSettings(server.url)).series('{}', ['service_name', '__profile_type__'], WINDOW)
      ).resolves.toEqual([{ service_name: 'checkout', __profile_type__: CPU }, { service_name: 'frontend' }, {}]);
      expect(JSON.parse(lastCall().body.toString())).toMatchObject({
        labelNames: ['service_name', '__profile_type__'],
      });
    });

    it('decodes SelectSeries with int64 strings and omitted zeros', async () => {
      next = () =>
        jsonAnswer({
          series: [
            {
              labels: [{ name: 'service_name', value: 'checkout' }],
              points: [
                { timestamp: '1767225600000', value: 2.5 },
                { timestamp: '1767225615000' },
                { timestamp: '1767225630000', value: 'NaN' },
              ],
            },
          ],
        });
      const series = await new ConnectClient(testSettings(server.url)).selectSeries({
        profileTypeId: CPU,
        labelSelector: '{}',
        window: WINDOW,
        stepSeconds: 15,
        groupBy: ['service_name'],
        limit: 10,
      });
      expect(series).toEqual([
        {
          labels: { service_name: 'checkout' },
          points: [
            { timestampMs: 1767225600000, value: 2.5 },
            { timestampMs: 1767225615000, value: 0 },
            { timestampMs: 1767225630000, value: NaN },
          ],
        },
      ]);
      expect(JSON.parse(lastCall().body.toString())).toEqual({
        profileTypeID: CPU,
        labelSelector: '{}',
        start: WINDOW.startMs,
        end: WINDOW.endMs,
        groupBy: ['service_name'],
        step: 15,
        limit: 10,
      });
    });
  });

  describe('protobuf calls', () => {
    it('merges stack traces into a flame graph', async () => {
      next = () =>
        protoAnswer('SelectMergeStacktracesResponse', { flamegraph: exampleGraph, tree: Buffer.from('ignored') });
      const graph = await new ConnectClient(testSettings(server.url)).mergeStacktraces(merge);
      expect(graph).toEqual({
        names: ['total', 'd', 'a', 'c', 'b'],
        levels: levels([0, 9, 0, 0], [0, 5, 0, 2, 0, 4, 4, 1], [0, 3, 3, 4, 0, 2, 2, 3]),
        total: 9,
        maxSelf: 4,
      });
      const call = lastCall();
      expect(call.method).toBe('SelectMergeStacktraces');
      expect(call.headers['content-type']).toBe('application/proto');
      expect(decodeTestMessage('SelectMergeStacktracesRequest', call.body)).toEqual({
        profile_typeID: CPU,
        label_selector: '{service_name="checkout"}',
        start: WINDOW.startMs,
        end: WINDOW.endMs,
        max_nodes: 4096,
      });
    });

    it('answers a bare root when Pyroscope sends an empty graph', async () => {
      next = () => ({ contentType: 'application/proto', body: new Uint8Array() });
      await expect(new ConnectClient(testSettings(server.url)).mergeStacktraces(merge)).resolves.toEqual({
        names: ['total'],
        levels: levels([0, 0, 0, 0]),
        total: 0,
        maxSelf: 0,
      });
    });

    it('uses SelectMergeSpanProfile for a span selector (Pyroscope v1 has no span selector elsewhere)', async () => {
      next = () => protoAnswer('SelectMergeStacktracesResponse', { flamegraph: exampleGraph });
      const spanSelector = ['9a1b2c3d4e5f6a7b', '0123456789abcdef'];
      await new ConnectClient(testSettings(server.url)).mergeStacktraces({ ...merge, spanSelector });
      const call = lastCall();
      expect(call.method).toBe('SelectMergeSpanProfile');
      expect(decodeTestMessage('SelectMergeSpanProfileRequest', call.body)).toEqual({
        profile_typeID: CPU,
        label_selector: '{service_name="checkout"}',
        span_selector: spanSelector,
        start: WINDOW.startMs,
        end: WINDOW.endMs,
        max_nodes: 4096,
      });
    });

    it('diffs two selections', async () => {
      next = () =>
        protoAnswer('DiffResponse', {
          flamegraph: {
            names: ['total', 'a'],
            levels: [{ values: [0, 9, 0, 0, 12, 0, 0] }, { values: [0, 9, 9, 0, 12, 12, 1] }],
            total: 21,
            max_self: 12,
            leftTicks: 9,
            rightTicks: 12,
          },
        });
      const right = { ...merge, window: { startMs: WINDOW.startMs + 1000, endMs: WINDOW.endMs + 1000 } };
      const diff = await new ConnectClient(testSettings(server.url)).diff(merge, right);
      expect(diff).toEqual({
        names: ['total', 'a'],
        levels: levels([0, 9, 0, 0, 12, 0, 0], [0, 9, 9, 0, 12, 12, 1]),
        total: 21,
        maxSelf: 12,
        leftTicks: 9,
        rightTicks: 12,
      });
      const request = decodeTestMessage('DiffRequest', lastCall().body);
      expect(request.left).toMatchObject({ start: WINDOW.startMs, max_nodes: 4096 });
      expect(request.right).toMatchObject({ start: WINDOW.startMs + 1000, end: WINDOW.endMs + 1000 });
    });

    it.each([
      ['diff', (client: ConnectClient) => client.diff({ ...merge, spanSelector: ['9a1b2c3d4e5f6a7b'] }, merge)],
      [
        'mergeProfile',
        (client: ConnectClient) => client.mergeProfile({ ...merge, spanSelector: ['9a1b2c3d4e5f6a7b'] }),
      ],
    ])('%s refuses a span selector instead of ignoring it', async (_name, call) => {
      await expect(call(new ConnectClient(testSettings(server.url)))).rejects.toMatchObject({
        kind: 'invalid_argument',
      });
    });

    it('exports the merged profile as pprof', async () => {
      const strings = new StringTable();
      const profile = new Profile({
        sampleType: [new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') })],
        stringTable: strings,
        durationNanos: 3600_000_000_000,
      });
      next = () => ({ contentType: 'application/proto', body: profile.encode() });
      const bytes = await new ConnectClient(testSettings(server.url)).mergeProfile({
        profileTypeId: CPU,
        labelSelector: '{}',
        window: WINDOW,
      });
      const decoded = Profile.decode(bytes);
      expect(decoded.stringTable.strings).toEqual(['', 'cpu', 'nanoseconds']);
      expect(Number(decoded.durationNanos)).toBe(3600_000_000_000);
      expect(decodeTestMessage('SelectMergeProfileRequest', lastCall().body)).toEqual({
        profile_typeID: CPU,
        label_selector: '{}',
        start: WINDOW.startMs,
        end: WINDOW.endMs,
      });
    });
  });

  describe('errors', () => {
    const basic = { auth: { mode: 'basic' as const, user: 'grafana', password: 'pa55word' } };

    it.each<[string, string, CannedAnswer, Partial<DatasourceSettings>, RegExp]>([
      [
        'no org id',
        'missing_tenant',
        jsonAnswer({ code: 'unauthenticated', message: 'no org id' }, 401),
        {},
        /set the Tenant ID/,
      ],
      [
        'no org id as text',
        'missing_tenant',
        { status: 401, contentType: 'text/plain', body: 'no org id\n' },
        {},
        /set the Tenant ID/,
      ],
      [
        'wrong tenant',
        'missing_tenant',
        jsonAnswer({ code: 'unauthenticated', message: 'invalid tenant ID' }, 401),
        { tenantId: 'x' },
        /refused the Tenant ID "x"/,
      ],
      [
        'bad password',
        'auth_refused',
        { status: 401, contentType: 'text/plain', body: 'Unauthorized' },
        basic,
        /basic auth as user "grafana": check the user and the password/,
      ],
      [
        'no credentials',
        'auth_refused',
        jsonAnswer({ code: 'unauthenticated', message: 'missing token' }, 401),
        {},
        /sends no credentials: choose basic or bearer/,
      ],
      [
        'forbidden bearer',
        'auth_refused',
        { status: 403, body: 'Forbidden' },
        { auth: { mode: 'bearer', token: 'T0ken' } },
        /bearer token: check .* may read profiles/,
      ],
      [
        'router 404',
        'not_pyroscope',
        { status: 404, contentType: 'text/plain; charset=utf-8', body: '404 page not found' },
        {},
        /answered, but not like a Pyroscope server: .* got HTTP 404/,
      ],
      [
        'HTML page',
        'not_pyroscope',
        { contentType: 'text/html', body: '<html>Grafana</html>' },
        {},
        /got HTTP 200 with text\/html instead of application\/json/,
      ],
    ])('%s → %s', async (_name, kind, canned, overrides, message) => {
      next = () => canned;
      const error = await new ConnectClient(testSettings(server.url, overrides))
        .profileTypes(WINDOW)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PyroscopeError);
      expect(error).toMatchObject({ kind });
      expect((error as PyroscopeError).message).toMatch(message);
    });

    it('rejects a protobuf answer that does not decode', async () => {
      next = () => ({ contentType: 'application/proto', body: Buffer.from([0x0a, 0x50, 0x01]) });
      await expect(new ConnectClient(testSettings(server.url)).mergeStacktraces(merge)).rejects.toMatchObject({
        kind: 'not_pyroscope',
      });
    });

    it('never repeats secrets an error body echoes', async () => {
      next = () => jsonAnswer({ code: 'unauthenticated', message: 'bad credentials pa55word / T0ken-header' }, 401);
      const client = new ConnectClient(testSettings(server.url, { ...basic, headers: { 'X-Key': 'T0ken-header' } }));
      await expect(client.profileTypes(WINDOW)).rejects.toThrow('bad credentials *** / ***');
    });

    it('times out after the configured timeout', async () => {
      next = () => ({ ...jsonAnswer({}), delayMs: 2000 });
      const error = await new ConnectClient(testSettings(server.url, { timeoutMs: 100 }))
        .profileTypes(WINDOW)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'timeout' });
      expect((error as Error).message).toMatch(/did not answer ProfileTypes within 0.1 s .*timeoutSeconds/);
    });

    it('reports a cancellation by the caller as such', async () => {
      next = () => ({ ...jsonAnswer({}), delayMs: 2000 });
      const controller = new AbortController();
      const pending = new ConnectClient(testSettings(server.url))
        .profileTypes(WINDOW, controller.signal)
        .catch((e: unknown) => e);
      setTimeout(() => controller.abort(), 50);
      const error = await pending;
      expect(error).toMatchObject({ kind: 'upstream' });
      expect((error as Error).message).toMatch(/cancelled/);
    });
  });
});
