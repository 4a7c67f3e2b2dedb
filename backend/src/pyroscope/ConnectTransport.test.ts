import { gzipSync } from 'node:zlib';

import type { Compression, DatasourceSettings } from '../settings/DatasourceSettings';
import { ConnectTransport } from './ConnectTransport';
import { type HttpPost, httpPost } from './httpPost';
import { type CannedAnswer, startTestConnectServer, type TestConnectServer } from './startTestConnectServer';
import { testSettings } from '../settings/testSettings';

describe('ConnectTransport', () => {
  let server: TestConnectServer;
  let next: () => CannedAnswer;

  beforeAll(async () => {
    server = await startTestConnectServer(() => next());
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.calls.length = 0;
    next = () => ({ contentType: 'application/json', body: '{"names":["a"]}' });
  });

  /**
   * A transport for `url` whose requests all land on the local test server: the host name stays what the
   * compression setting is decided on, the bytes go over loopback.
   */
  function transportFor(url: string, compression: Compression): ConnectTransport {
    const origin = new URL(url).origin;
    const toLocal: HttpPost = (target, request) => httpPost(target.replace(origin, server.url), request);
    return new ConnectTransport(testSettings(url, { compression }), toLocal);
  }

  it.each<[string, Compression, string]>([
    ['http://127.0.0.1:4040', 'auto', 'identity'],
    ['http://localhost:4040', 'auto', 'identity'],
    ['http://pyroscope:4040', 'auto', 'identity'],
    ['http://10.0.0.7:4040', 'auto', 'identity'],
    ['http://pyroscope.monitoring.svc.cluster.local:4040', 'auto', 'identity'],
    ['https://profiles-prod-001.grafana.net', 'auto', 'gzip'],
    ['https://pyroscope.example.com', 'auto', 'gzip'],
    ['http://127.0.0.1:4040', 'gzip', 'gzip'],
    ['https://profiles-prod-001.grafana.net', 'none', 'identity'],
  ])('for %s with compression %s sends Accept-Encoding: %s', async (url, compression, expected) => {
    await transportFor(url, compression).json('LabelNames', {});
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]!.headers['accept-encoding']).toBe(expected);
  });

  it('sends the same Accept-Encoding on protobuf calls', async () => {
    next = () => ({ contentType: 'application/proto', body: new Uint8Array([8, 1]) });
    await transportFor('http://127.0.0.1:4040', 'auto').proto('SelectMergeStacktraces', new Uint8Array(), (b) => b);
    expect(server.calls[0]!.headers['accept-encoding']).toBe('identity');
  });

  it('inflates a gzipped answer', async () => {
    const answer = Buffer.from(JSON.stringify({ names: Array.from({ length: 1000 }, (_, i) => `service-${i}`) }));
    next = () => ({ contentType: 'application/json', headers: { 'Content-Encoding': 'gzip' }, body: gzipSync(answer) });
    const transport = transportFor('https://profiles-prod-001.grafana.net', 'auto');
    await expect(transport.json('LabelValues', {})).resolves.toEqual(JSON.parse(answer.toString()));
  });
});
