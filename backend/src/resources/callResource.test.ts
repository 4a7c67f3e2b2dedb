import { gunzipSync } from 'node:zlib';

import { Profile, StringTable, ValueType } from 'pprof-format';

import type { CallResourceRequest, CallResourceResponse } from '../plugin/types';
import { ConnectClient } from '../pyroscope/ConnectClient';
import {
  type CannedAnswer,
  jsonAnswer,
  type RecordedCall,
  startTestConnectServer,
  type TestConnectServer,
} from '../pyroscope/startTestConnectServer';
import { decodeTestMessage } from '../pyroscope/testQuerierProto';
import { SettingsError } from '../settings/SettingsError';
import { testSettings } from '../settings/testSettings';
import { callResource, type ResourceDatasource } from './callResource';

const NOW = 1767229200000;
const CPU_ID = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const CPU = {
  ID: CPU_ID,
  name: 'process_cpu',
  sampleType: 'cpu',
  sampleUnit: 'nanoseconds',
  periodType: 'cpu',
  periodUnit: 'nanoseconds',
};
const CPU_OPTION = {
  id: CPU_ID,
  name: 'process_cpu',
  sampleType: 'cpu',
  sampleUnit: 'nanoseconds',
  periodType: 'cpu',
  periodUnit: 'nanoseconds',
  label: 'process_cpu - cpu',
};

function resourceRequest(url: string, method = 'GET'): CallResourceRequest {
  return {
    context: { orgId: 1, pluginId: 'emberlabs-profiles-datasource', grafanaConfig: {} },
    path: url.split('?')[0] ?? '',
    method,
    url,
    headers: {},
    body: Buffer.alloc(0),
  };
}

function bodyOf(response: CallResourceResponse): unknown {
  return JSON.parse(response.body.toString('utf8'));
}

describe('callResource', () => {
  let server: TestConnectServer;
  let answer: (call: RecordedCall) => CannedAnswer;
  let datasource: ResourceDatasource;

  beforeAll(async () => {
    server = await startTestConnectServer((call) => answer(call));
    const settings = testSettings(server.url, { auth: { mode: 'bearer', token: 'resource-secret' } });
    datasource = { querier: new ConnectClient(settings), settings };
  });
  afterAll(() => server.close());

  function lastJsonRequest(): unknown {
    return JSON.parse(server.calls[server.calls.length - 1]!.body.toString());
  }

  async function get(url: string): Promise<CallResourceResponse> {
    return callResource(resourceRequest(url), datasource, new AbortController().signal, NOW);
  }

  it('lists profile types with readable labels over the last hour by default', async () => {
    answer = () => jsonAnswer({ profileTypes: [CPU] });
    const response = await get('profile-types');
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toEqual(['application/json']);
    expect(bodyOf(response)).toEqual([CPU_OPTION]);
    expect(lastJsonRequest()).toEqual({ start: NOW - 3600_000, end: NOW });
  });

  it('hides internal label names and sorts the rest', async () => {
    answer = () => jsonAnswer({ names: ['service_name', '__name__', 'env', '__profile_type__', 'env'] });
    const response = await get('label-names?selector=%7Benv%3D%22prod%22%7D&from=1767225600000&to=1767229000000');
    expect(bodyOf(response)).toEqual(['env', 'service_name']);
    expect(lastJsonRequest()).toEqual({ matchers: ['{env="prod"}'], start: 1767225600000, end: 1767229000000 });
  });

  it('lists the values of a label', async () => {
    answer = () => jsonAnswer({ names: ['frontend', 'checkout'] });
    const response = await get('label-values?label=service_name&from=1767225600000');
    expect(bodyOf(response)).toEqual(['checkout', 'frontend']);
    expect(lastJsonRequest()).toEqual({ name: 'service_name', matchers: ['{}'], start: 1767225600000, end: NOW });
  });

  it('groups profile types by service', async () => {
    const alloc = 'memory:alloc_space:bytes:space:bytes';
    answer = () =>
      jsonAnswer({
        labelsSet: [
          {
            labels: [
              { name: 'service_name', value: 'frontend' },
              { name: '__profile_type__', value: alloc },
            ],
          },
          {
            labels: [
              { name: 'service_name', value: 'checkout' },
              { name: '__profile_type__', value: CPU_ID },
            ],
          },
          {
            labels: [
              { name: 'service_name', value: 'frontend' },
              { name: '__profile_type__', value: CPU_ID },
            ],
          },
          { labels: [{ name: '__profile_type__', value: CPU_ID }] },
        ],
      });
    const response = await get('services');
    expect(bodyOf(response)).toEqual([
      { name: 'checkout', profileTypes: [CPU_OPTION] },
      {
        name: 'frontend',
        profileTypes: [
          {
            id: alloc,
            name: 'memory',
            sampleType: 'alloc_space',
            sampleUnit: 'bytes',
            periodType: 'space',
            periodUnit: 'bytes',
            label: 'memory - alloc_space',
          },
          CPU_OPTION,
        ],
      },
    ]);
    expect(lastJsonRequest()).toMatchObject({ matchers: ['{}'], labelNames: ['service_name', '__profile_type__'] });
  });

  it('exports the merged profile as gzipped pprof', async () => {
    const strings = new StringTable();
    const profile = new Profile({
      sampleType: [new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') })],
      stringTable: strings,
    });
    answer = () => ({ contentType: 'application/proto', body: profile.encode() });
    const response = await get(
      `export/pprof?profileTypeId=${encodeURIComponent(CPU_ID)}&selector=%7Bservice_name%3D%22checkout%22%7D&from=1767225600000&to=1767229200000`
    );
    expect(response.status).toBe(200);
    expect(response.headers).toEqual({
      'Content-Type': ['application/octet-stream'],
      'Content-Disposition': ['attachment; filename="process_cpu-cpu_20260101T000000Z_20260101T010000Z.pb.gz"'],
    });
    expect(Profile.decode(gunzipSync(response.body)).stringTable.strings).toEqual(['', 'cpu', 'nanoseconds']);
    expect(decodeTestMessage('SelectMergeProfileRequest', server.calls[server.calls.length - 1]!.body)).toEqual({
      profile_typeID: CPU_ID,
      label_selector: '{service_name="checkout"}',
      start: 1767225600000,
      end: 1767229200000,
    });
  });

  it.each<[string, number, string, string, RegExp]>([
    ['a missing label', 400, 'label-values', 'bad_request', /^add \?label=<name>/],
    ['a missing profile type', 400, 'export/pprof', 'bad_request', /add \?profileTypeId=<id>/],
    ['a bad profile type', 400, 'export/pprof?profileTypeId=cpu', 'bad_request', /\(got "cpu"\)/],
    ['a bad time', 400, 'label-names?from=now-1h', 'bad_request', /from must be a time in epoch milliseconds/],
    ['reversed times', 400, 'label-names?from=2000&to=1000', 'bad_request', /is after to/],
    [
      'a bad selector',
      400,
      'label-names?selector=service_name',
      'bad_request',
      /selector must be a label selector in braces/,
    ],
    [
      'an unknown path',
      404,
      'flamegraph',
      'not_found',
      /Unknown resource "flamegraph". Available: profile-types, label-names, label-values, services, export\/pprof/,
    ],
  ])('answers %s with %d', async (_name, status, url, kind, message) => {
    answer = () => jsonAnswer({});
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(bodyOf(response)).toEqual({ kind, message: expect.stringMatching(message) });
  });

  it('answers other methods with 405', async () => {
    const response = await callResource(
      resourceRequest('profile-types', 'POST'),
      datasource,
      new AbortController().signal
    );
    expect(response.status).toBe(405);
    expect(response.headers.Allow).toEqual(['GET']);
  });

  it.each<[string, number, CannedAnswer, string]>([
    [
      'invalid_argument',
      400,
      jsonAnswer({ code: 'invalid_argument', message: 'the query time range exceeds the limit' }, 400),
      'invalid_argument',
    ],
    [
      'auth refused',
      502,
      jsonAnswer({ code: 'unauthenticated', message: 'token resource-secret is invalid' }, 401),
      'auth_refused',
    ],
    ['not a Pyroscope', 502, { status: 404, contentType: 'text/plain', body: '404 page not found' }, 'not_pyroscope'],
  ])('maps Pyroscope failures: %s → %d', async (_name, status, canned, kind) => {
    answer = () => canned;
    const response = await get('profile-types');
    expect(response.status).toBe(status);
    expect(bodyOf(response)).toMatchObject({ kind });
    expect(response.body.toString()).not.toContain('resource-secret');
  });

  it('answers bad settings with 400 and the fix', async () => {
    const error = new SettingsError(
      'url',
      'Set the Pyroscope URL in the datasource settings (for example http://localhost:4040)'
    );
    const response = await callResource(resourceRequest('profile-types'), error, new AbortController().signal);
    expect(response.status).toBe(400);
    expect(bodyOf(response)).toEqual({ message: error.message, kind: 'bad_settings' });
  });
});
