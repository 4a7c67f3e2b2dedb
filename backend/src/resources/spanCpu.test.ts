import type { CallResourceRequest, CallResourceResponse } from '../plugin/types';
import { ConnectClient } from '../pyroscope/ConnectClient';
import {
  type CannedAnswer,
  jsonAnswer,
  type RecordedCall,
  startTestConnectServer,
  type TestConnectServer,
} from '../pyroscope/startTestConnectServer';
import { decodeTestMessage, encodeTestMessage } from '../pyroscope/testQuerierProto';
import { SettingsError } from '../settings/SettingsError';
import { testSettings } from '../settings/testSettings';
import { callResource, type ResourceDatasource } from './callResource';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const FROM = 1767225600000;
const TO = 1767229200000;
const PAD = 30000;
const SELECTOR = '{service_name="checkout"}';

/** What Pyroscope holds: per span id its CPU; the service has all of it plus samples outside any span. */
const SPAN_TOTALS: Record<string, number> = {
  '0000000000000001': 5_000_000,
  '00000000000000aa': 250_000_000,
  '00000000000000bb': 0,
};
const SERVICE_TOTAL = 900_000_000;

function graphAnswer(total: number): CannedAnswer {
  return {
    contentType: 'application/proto',
    body: encodeTestMessage('SelectMergeStacktracesResponse', {
      flamegraph: { names: ['total'], levels: [{ values: [0, total, 0, 0] }], total, max_self: 0 },
    }),
  };
}

/** Pyroscope as the resource sees it: a total per span selector, the service total without one. */
function pyroscope(call: RecordedCall): CannedAnswer {
  if (call.method === 'SelectMergeSpanProfile') {
    const request = decodeTestMessage('SelectMergeSpanProfileRequest', call.body);
    const [spanId = ''] = request.span_selector as string[];
    return graphAnswer(SPAN_TOTALS[spanId.toLowerCase()] ?? 0);
  }
  return graphAnswer(SERVICE_TOTAL);
}

function post(body: unknown): CallResourceRequest {
  return {
    context: { orgId: 1, pluginId: 'emberlabs-profiles-datasource', grafanaConfig: {} },
    path: 'span-cpu',
    method: 'POST',
    url: 'span-cpu',
    headers: {},
    body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  };
}

const valid = { profileTypeId: CPU, labelSelector: SELECTOR, from: FROM, to: TO, spanIds: ['00000000000000aa'] };

describe('span-cpu resource', () => {
  let server: TestConnectServer;
  let answer: (call: RecordedCall) => CannedAnswer | Promise<CannedAnswer>;
  let datasource: ResourceDatasource;

  beforeAll(async () => {
    server = await startTestConnectServer((call) => answer(call));
    const settings = testSettings(server.url, {
      spanWindowPadMs: PAD,
      auth: { mode: 'bearer', token: 'span-secret' },
    });
    datasource = { querier: new ConnectClient(settings), settings };
  });
  beforeEach(() => {
    server.calls.length = 0;
    answer = pyroscope;
  });
  afterAll(() => server.close());

  const call = (body: unknown): Promise<CallResourceResponse> =>
    callResource(post(body), datasource, new AbortController().signal);
  const bodyOf = (response: CallResourceResponse): unknown => JSON.parse(response.body.toString('utf8'));

  it("answers each span's total, the service's total over the same window, and the unit", async () => {
    const spanIds = ['00000000000000aa', '0000000000000001', '00000000000000bb'];
    const response = await call({ ...valid, spanIds });

    expect(response.status).toBe(200);
    expect(bodyOf(response)).toEqual({
      spans: [
        { spanId: '00000000000000aa', total: 250_000_000 },
        { spanId: '0000000000000001', total: 5_000_000 },
        { spanId: '00000000000000bb', total: 0 },
      ],
      serviceTotal: SERVICE_TOTAL,
      unit: 'nanoseconds',
    });
  });

  it('asks Pyroscope once per span, for that span alone, over the window widened by the pad, one node', async () => {
    await call({ ...valid, spanIds: ['00000000000000aa', '0000000000000001', '00000000000000aa'] });

    const spanCalls = server.calls.filter((recorded) => recorded.method === 'SelectMergeSpanProfile');
    expect(spanCalls.map((recorded) => decodeTestMessage('SelectMergeSpanProfileRequest', recorded.body))).toEqual(
      expect.arrayContaining(
        ['00000000000000aa', '0000000000000001'].map((spanId) => ({
          profile_typeID: CPU,
          label_selector: SELECTOR,
          span_selector: [spanId],
          start: FROM - PAD,
          end: TO + PAD,
          max_nodes: 1,
        }))
      )
    );
    expect(spanCalls).toHaveLength(2);
    const service = server.calls.filter((recorded) => recorded.method === 'SelectMergeStacktraces');
    expect(service.map((recorded) => decodeTestMessage('SelectMergeStacktracesRequest', recorded.body))).toEqual([
      { profile_typeID: CPU, label_selector: SELECTOR, start: FROM - PAD, end: TO + PAD, max_nodes: 1 },
    ]);
  });

  it('keeps at most 4 span calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    answer = async (recorded) => {
      if (recorded.method !== 'SelectMergeSpanProfile') {
        return pyroscope(recorded);
      }
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight -= 1;
      return pyroscope(recorded);
    };
    const spanIds = Array.from({ length: 12 }, (_, index) => index.toString(16).padStart(16, '0'));

    const response = await call({ ...valid, spanIds });

    expect(response.status).toBe(200);
    expect((bodyOf(response) as { spans: unknown[] }).spans).toHaveLength(12);
    expect(most).toBe(4);
  });

  it.each<[string, unknown, RegExp]>([
    ['a body that is not JSON', 'spanIds=1', /send a JSON body like/],
    ['a JSON array', '[]', /send a JSON object like/],
    ['no profile type', { ...valid, profileTypeId: undefined }, /set profileTypeId to a profile type ID/],
    ['a broken profile type', { ...valid, profileTypeId: 'cpu' }, /profileTypeId .*\(got "cpu"\)/],
    ['no selector', { ...valid, labelSelector: '' }, /set labelSelector to the service's label selector in braces/],
    ['no from', { ...valid, from: undefined }, /set "from" to a time in epoch milliseconds/],
    ['a text to', { ...valid, to: '2026-01-01' }, /set "to" to a time in epoch milliseconds.*\(got "2026-01-01"\)/],
    ['from after to', { ...valid, from: TO, to: FROM }, /is after to .*swap them/],
    ['no span ids', { ...valid, spanIds: [] }, /set spanIds to a list of span IDs/],
    ['a short span id', { ...valid, spanIds: ['abc'] }, /span ID "abc" is not 16 hex characters/],
    ['a non-hex span id', { ...valid, spanIds: ['zzzzzzzzzzzzzzzz'] }, /span ID "zzzzzzzzzzzzzzzz" is not 16 hex/],
    [
      'too many span ids',
      { ...valid, spanIds: Array.from({ length: 101 }, (_, index) => index.toString(16).padStart(16, '0')) },
      /at most 100 span IDs at a time \(got 101\): split the list/,
    ],
  ])('answers %s with 400 and what to change, asking Pyroscope nothing', async (_name, body, message) => {
    const response = await call(body);

    expect(response.status).toBe(400);
    expect(bodyOf(response)).toEqual({ kind: 'bad_request', message: expect.stringMatching(message) });
    expect(server.calls).toEqual([]);
  });

  it('answers GET with 405 and says to POST', async () => {
    const response = await callResource({ ...post(valid), method: 'GET' }, datasource, new AbortController().signal);

    expect(response.status).toBe(405);
    expect(response.headers.Allow).toEqual(['POST']);
    expect(bodyOf(response)).toMatchObject({ message: 'Use POST for span-cpu (got GET)' });
  });

  it("maps Pyroscope's failures like the other resources, without the secret", async () => {
    answer = (recorded) =>
      recorded.method === 'SelectMergeSpanProfile'
        ? jsonAnswer({ code: 'unauthenticated', message: 'token span-secret is invalid' }, 401)
        : pyroscope(recorded);

    const response = await call(valid);

    expect(response.status).toBe(502);
    expect(bodyOf(response)).toMatchObject({ kind: 'auth_refused' });
    expect(response.body.toString()).not.toContain('span-secret');
  });

  it('answers bad settings with 400 and their fix', async () => {
    const error = new SettingsError('url', 'Set the Pyroscope URL in the datasource settings');

    const response = await callResource(post(valid), error, new AbortController().signal);

    expect(response.status).toBe(400);
    expect(bodyOf(response)).toEqual({ message: error.message, kind: 'bad_settings' });
  });
});
