import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DatasourceSettings } from '../settings/DatasourceSettings';
import { ConnectClient } from './ConnectClient';
import { fetchFailureToPyroscopeError } from './fetchFailureToPyroscopeError';
import { PyroscopeError } from './PyroscopeError';
import { testSettings } from '../settings/testSettings';

// Real sockets on 127.0.0.1: a closed port, a TLS server with a self-signed certificate, plain HTTP and
// a server that speaks no HTTP at all. No network beyond loopback.

const WINDOW = { startMs: 1767225600000, endMs: 1767229200000 };

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

async function failureOf(url: string): Promise<PyroscopeError> {
  const error = await new ConnectClient(testSettings(url)).profileTypes(WINDOW).catch((e: unknown) => e);
  if (!(error instanceof PyroscopeError)) {
    throw new Error(`expected a PyroscopeError, got ${String(error)}`);
  }
  return error;
}

describe('transport failures', () => {
  const servers: net.Server[] = [];
  let closedPort: number;
  let httpPort: number;
  let httpsPort: number;
  let garbagePort: number;

  beforeAll(async () => {
    const closed = net.createServer();
    closedPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));

    const plain = http.createServer((_req, res) => res.end('{}'));
    servers.push(plain);
    httpPort = await listen(plain);

    // A throwaway self-signed certificate (openssl is part of every supported build machine).
    const dir = mkdtempSync(join(tmpdir(), 'connect-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
        ],
        {
          stdio: 'ignore',
        }
      );
      const secure = https.createServer(
        { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
        (_req, res) => res.end('{}')
      );
      servers.push(secure);
      httpsPort = await listen(secure);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const garbage = net.createServer((socket) => socket.on('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n')));
    servers.push(garbage);
    garbagePort = await listen(garbage);
  });

  afterAll(async () => {
    for (const server of servers) {
      if (server instanceof http.Server) {
        server.closeAllConnections();
      }
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a closed port is unreachable: connection refused', async () => {
    const url = `http://127.0.0.1:${closedPort}`;
    const error = await failureOf(url);
    expect(error.kind).toBe('unreachable');
    expect(error.message).toBe(
      `Pyroscope is not reachable at ${url}: connection refused. Check the URL and that Pyroscope is running`
    );
  });

  it('a self-signed certificate is a TLS failure that says how to trust it', async () => {
    const error = await failureOf(`https://127.0.0.1:${httpsPort}`);
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(
      /certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT: self-signed.*NODE_EXTRA_CA_CERTS/
    );
  });

  it('https:// against a plain HTTP port says to use http://', async () => {
    const error = await failureOf(`https://127.0.0.1:${httpPort}`);
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/does not speak TLS on this port. Use http:\/\/ instead of https:\/\//);
  });

  it('a server that does not speak HTTP is not a Pyroscope', async () => {
    const error = await failureOf(`http://127.0.0.1:${garbagePort}`);
    expect(error.kind).toBe('not_pyroscope');
    expect(error.message).toMatch(/not HTTP\/1\.1/);
  });

  it.each([
    ['ENOTFOUND', 'unreachable', /host name pyroscope\.internal could not be resolved/],
    ['EHOSTUNREACH', 'unreachable', /no route to host/],
    ['UND_ERR_CONNECT_TIMEOUT', 'unreachable', /connection timed out/],
    ['CERT_HAS_EXPIRED', 'tls', /certificate has expired/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', /not issued for pyroscope\.internal/],
    ['ECONNRESET', 'upstream', /closed before it answered/],
    ['EWHATEVER', 'upstream', /failed: boom \(EWHATEVER\)/],
  ])('undici cause %s → %s', (code, kind, message) => {
    const cause = Object.assign(new Error('boom'), { code });
    const error = fetchFailureToPyroscopeError(
      new TypeError('fetch failed', { cause }),
      testSettings('http://pyroscope.internal:4040'),
      'ProfileTypes',
      undefined
    );
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });

  it('reads the code of an AggregateError (several addresses tried)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:4040'), { code: 'ECONNREFUSED' });
    const cause = new AggregateError([refused, refused]);
    const error = fetchFailureToPyroscopeError(
      new TypeError('fetch failed', { cause }),
      testSettings('http://localhost:4040'),
      'ProfileTypes',
      undefined
    );
    expect(error.kind).toBe('unreachable');
  });
});
