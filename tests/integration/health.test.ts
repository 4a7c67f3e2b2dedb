import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';

import { launchPyroscope, type RunningPyroscope } from '../pyroscope/launchPyroscope';
import { freePorts } from '../support/freePorts';
import { grafanaClient, type GrafanaSettings } from '../support/grafanaClient';
import { startAuthProxy } from '../support/startAuthProxy';
import { startHttpServer, type TestServer } from '../support/startHttpServer';

type Health = { status: string; message: string; details?: { kind?: string } & Record<string, unknown> };

async function health(settings: GrafanaSettings): Promise<Health> {
  const result = await grafanaClient<Health>('health', settings);
  if (result.exitCode !== 0 || !result.json) {
    throw new Error(`grafana-client health failed (exit ${result.exitCode}): ${result.stderr}`);
  }
  return result.json;
}

let pyroscope: RunningPyroscope;
let tenantPyroscope: RunningPyroscope;
const servers: TestServer[] = [];
let silent: TcpServer;
let silentPort: number;

beforeAll(async () => {
  [pyroscope, tenantPyroscope] = await Promise.all([
    launchPyroscope(),
    launchPyroscope({ extraArgs: ['-auth.multitenancy-enabled=true'] }),
  ]);
  // Accepts connections and never answers: a hung server or a firewall that drops packets.
  silent = createTcpServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
});

afterAll(async () => {
  await Promise.all([pyroscope?.stop(), tenantPyroscope?.stop(), ...servers.map((server) => server.close())]);
  silent?.close();
});

describe("CheckHealth through Grafana's client", () => {
  it('reports OK against a running Pyroscope', async () => {
    const result = await health({ url: pyroscope.url });
    expect(result.status).toBe('OK');
    expect(result.message).toContain(pyroscope.url);
  });

  it('says the URL is unreachable when nothing listens there', async () => {
    const url = `http://127.0.0.1:${(await freePorts(1))[0]}`;
    const result = await health({ url });
    expect(result).toMatchObject({ status: 'ERROR', details: { kind: 'unreachable' } });
    expect(result.message).toContain(url);
  });

  it('reports a TLS failure when https meets a plain-HTTP server', async () => {
    const result = await health({ url: pyroscope.url.replace('http://', 'https://') });
    expect(result).toMatchObject({ status: 'ERROR', details: { kind: 'tls' } });
  });

  it('reports a timeout, naming the setting', async () => {
    const result = await health({ url: `http://127.0.0.1:${silentPort}`, jsonData: { timeoutSeconds: 1 } });
    expect(result).toMatchObject({ status: 'ERROR', details: { kind: 'timeout' } });
    expect(result.message.toLowerCase()).toContain('timeout');
  });

  it('reports refused credentials without echoing the secret', async () => {
    const proxy = await startAuthProxy(pyroscope.url, 'Bearer right-token');
    servers.push(proxy);
    const wrong = await health({
      url: proxy.url,
      jsonData: { authType: 'bearer' },
      secureJsonData: { bearerToken: 'wrong-token' },
    });
    expect(wrong).toMatchObject({ status: 'ERROR', details: { kind: 'auth_refused' } });
    expect(JSON.stringify(wrong)).not.toContain('wrong-token');
    const right = await health({
      url: proxy.url,
      jsonData: { authType: 'bearer' },
      secureJsonData: { bearerToken: 'right-token' },
    });
    expect(right.status).toBe('OK');
  });

  it('accepts basic auth as Grafana Cloud uses it', async () => {
    const proxy = await startAuthProxy(pyroscope.url, `Basic ${Buffer.from('123456:glc_token').toString('base64')}`);
    servers.push(proxy);
    const result = await health({
      url: proxy.url,
      jsonData: { authType: 'basic', basicAuthUser: '123456' },
      secureJsonData: { basicAuthPassword: 'glc_token' },
    });
    expect(result.status).toBe('OK');
  });

  it('asks for the tenant when a multi-tenant Pyroscope gets none', async () => {
    const missing = await health({ url: tenantPyroscope.url });
    expect(missing).toMatchObject({ status: 'ERROR', details: { kind: 'missing_tenant' } });
    expect(missing.message.toLowerCase()).toContain('tenant');
    const withTenant = await health({ url: tenantPyroscope.url, jsonData: { tenantId: 'team-a' } });
    expect(withTenant.status).toBe('OK');
  });

  it('says when the URL is a web server but not a Pyroscope', async () => {
    const web = await startHttpServer((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<html><body>Not found</body></html>');
    });
    servers.push(web);
    const result = await health({ url: web.url });
    expect(result).toMatchObject({ status: 'ERROR', details: { kind: 'not_pyroscope' } });
  });

  it('names the missing setting when the URL is empty', async () => {
    const result = await health({ url: '' });
    expect(result.status).toBe('ERROR');
    expect(result.message).toMatch(/URL/);
  });
});
