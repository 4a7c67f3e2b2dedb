import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ConnectClient } from '../pyroscope/ConnectClient';
import {
  type CannedAnswer,
  jsonAnswer,
  startTestConnectServer,
  type TestConnectServer,
} from '../pyroscope/startTestConnectServer';
import type { ProfileQuerier } from '../pyroscope/types';
import type { DatasourceSettings } from '../settings/DatasourceSettings';
import { SettingsError } from '../settings/SettingsError';
import { checkHealth } from './checkHealth';
import { testSettings } from '../settings/testSettings';

const NOW = 1767229200000;
const CPU = {
  ID: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  name: 'process_cpu',
  sampleType: 'cpu',
  sampleUnit: 'nanoseconds',
  periodType: 'cpu',
  periodUnit: 'nanoseconds',
};
const ALLOC = {
  ID: 'memory:alloc_space:bytes:space:bytes',
  name: 'memory',
  sampleType: 'alloc_space',
  sampleUnit: 'bytes',
  periodType: 'space',
  periodUnit: 'bytes',
};

describe('checkHealth', () => {
  let server: TestConnectServer;
  let canned: CannedAnswer;
  let closedUrl: string;

  beforeAll(async () => {
    server = await startTestConnectServer(() => canned);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
  });
  afterAll(() => server.close());

  async function check(answer: CannedAnswer, overrides: Partial<DatasourceSettings> = {}, url = server.url) {
    canned = answer;
    const settings = testSettings(url, overrides);
    return checkHealth(settings, new ConnectClient(settings), new AbortController().signal, NOW);
  }

  it('reports the profile types of the last hour', async () => {
    const result = await check(
      jsonAnswer({ profileTypes: [CPU, ALLOC, { ...ALLOC, ID: 'memory:alloc_objects:count:space:bytes' }] })
    );
    expect(result).toEqual({
      status: 'OK',
      message: `Connected to Pyroscope at ${server.url}: 3 profile types in the last hour (memory, process_cpu)`,
      details: { kind: 'ok', url: server.url, profileTypes: 3 },
    });
    expect(JSON.parse(server.calls[server.calls.length - 1]!.body.toString())).toEqual({
      start: NOW - 3600_000,
      end: NOW,
    });
  });

  it('says how to get data when there is none yet', async () => {
    const result = await check(jsonAnswer({}));
    expect(result.status).toBe('OK');
    expect(result.message).toBe(
      `Connected to Pyroscope at ${server.url}, but no profiles were received in the last hour yet; point an agent at ${server.url}`
    );
  });

  it.each<[string, string, CannedAnswer, Partial<DatasourceSettings>, RegExp]>([
    [
      'missing tenant',
      'missing_tenant',
      jsonAnswer({ code: 'unauthenticated', message: 'no org id' }, 401),
      {},
      /set the Tenant ID/,
    ],
    [
      'auth refused',
      'auth_refused',
      { status: 401, body: 'nope' },
      { auth: { mode: 'bearer', token: 'secret-token' } },
      /bearer token/,
    ],
    [
      'not a Pyroscope',
      'not_pyroscope',
      { status: 404, contentType: 'text/html', body: '<h1>Not Found</h1>' },
      {},
      /not like a Pyroscope server/,
    ],
    ['timeout', 'timeout', { ...jsonAnswer({}), delayMs: 2000 }, { timeoutMs: 100 }, /timeoutSeconds/],
    [
      'upstream failure',
      'upstream',
      jsonAnswer({ code: 'unavailable', message: 'ingester not ready' }, 503),
      {},
      /ingester not ready/,
    ],
  ])('%s → ERROR %s', async (_name, kind, answer, overrides, message) => {
    const result = await check(answer, overrides);
    expect(result.status).toBe('ERROR');
    expect(result.message).toMatch(message);
    expect(result.details).toMatchObject({ kind, url: server.url });
    expect(JSON.stringify(result)).not.toContain('secret-token');
  });

  it('gives the HTTP answer as the verbose message', async () => {
    const result = await check({ status: 403, contentType: 'text/plain', body: 'forbidden by policy' });
    expect(result.details).toMatchObject({
      kind: 'auth_refused',
      verboseMessage: 'HTTP status 403; HTTP 403 text/plain: forbidden by policy',
    });
  });

  it('reports an unreachable URL with the socket error', async () => {
    canned = jsonAnswer({});
    const settings = testSettings(closedUrl);
    const result = await checkHealth(settings, new ConnectClient(settings), new AbortController().signal, NOW);
    expect(result.status).toBe('ERROR');
    expect(result.message).toContain('connection refused');
    expect(result.details).toMatchObject({
      kind: 'unreachable',
      url: closedUrl,
      verboseMessage: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('reports a TLS failure', async () => {
    const url = server.url.replace('http:', 'https:');
    const settings = testSettings(url);
    const result = await checkHealth(settings, new ConnectClient(settings), new AbortController().signal, NOW);
    expect(result.details).toMatchObject({ kind: 'tls', url });
  });

  it('reports bad settings without calling Pyroscope', async () => {
    const error = new SettingsError(
      'url',
      'Set the Pyroscope URL in the datasource settings (for example http://localhost:4040)'
    );
    await expect(checkHealth(error, undefined, new AbortController().signal)).resolves.toEqual({
      status: 'ERROR',
      message: error.message,
      details: { kind: 'bad_settings', setting: 'url' },
    });
  });

  it('never throws, even when the querier has a bug', async () => {
    const broken = { profileTypes: () => Promise.reject(new TypeError('x is undefined')) } as unknown as ProfileQuerier;
    const result = await checkHealth(testSettings('http://pyroscope:4040'), broken, new AbortController().signal);
    expect(result).toEqual({
      status: 'ERROR',
      message: 'Health check failed inside the datasource: x is undefined',
      details: { kind: 'internal', url: 'http://pyroscope:4040' },
    });
  });
});
