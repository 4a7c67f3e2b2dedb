import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { postOnce } from '../src/upload/postOnce';
import type { IngestRequest } from '../src/upload/buildIngestRequest';
import { FakeIngest } from './support/FakeIngest';
import { runApp } from './support/runApp';

const tlsFixture = {
  key: readFileSync(path.join(__dirname, 'fixtures', 'tls', 'localhost.key')),
  cert: readFileSync(path.join(__dirname, 'fixtures', 'tls', 'localhost.crt')),
};

function request(url: string, body = 'hello'): IngestRequest {
  return {
    url: new URL(`${url}/ingest?name=app%7Benv%3Dprod%7D&from=1`),
    headers: { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(body)) },
    body: Buffer.from(body),
  };
}

/** A TCP server on 127.0.0.1 that does what `onSocket` says with each connection (and reads what it gets). */
async function rawServer(onSocket: (socket: net.Socket, received: () => string) => void): Promise<string> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    onSocket(socket, () => text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(() => {
    sockets.forEach((socket) => socket.destroy());
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const servers: Array<() => void> = [];
after(() => servers.forEach((close) => close()));

describe('postOnce', () => {
  it('sends one complete HTTP/1.1 request and reads the answer', async () => {
    const ingest = new FakeIngest([400]);
    const url = await ingest.listen();
    const result = await postOnce(request(url), 5000, true);
    await ingest.close();
    assert.deepEqual(result, { status: 400, message: '{"code":"test","message":"status 400"}' });
    const [upload] = ingest.uploads;
    assert.equal(upload?.path, '/ingest');
    assert.equal(upload?.query.get('name'), 'app{env=prod}');
    assert.equal(upload?.headers.host, new URL(url).host);
    assert.equal(upload?.headers.connection, 'close');
    assert.equal(upload?.headers['content-type'], 'text/plain');
  });

  it('answers as soon as the response is complete, without waiting for the server to close', async () => {
    const url = await rawServer((socket, received) => {
      socket.on('data', () => {
        if (received().endsWith('hello')) {
          socket.write('HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n');
          socket.write('5\r\nslow \r\n4\r\ndown\r\n0\r\n\r\n'); // and keeps the connection open
        }
      });
    });
    assert.deepEqual(await postOnce(request(url), 30_000, true), { status: 503, message: 'slow down' });
  });

  it('gives up at the timeout when the server never answers', async () => {
    const url = await rawServer(() => undefined);
    await assert.rejects(postOnce(request(url), 300, true), /no answer within 300 ms/);
  });

  it('rejects with a clear reason when the connection is refused, dropped or not HTTP', async () => {
    const refused = await rawServer(() => undefined);
    servers.pop()!(); // closed again: nothing listens on that port now
    await assert.rejects(postOnce(request(refused), 5000, true), { code: 'ECONNREFUSED' });
    const dropped = await rawServer((socket) => socket.end());
    await assert.rejects(postOnce(request(dropped), 5000, true), /closed the connection without answering/);
    const other = await rawServer((socket) => socket.end('220 smtp.example.net ESMTP\r\n'));
    await assert.rejects(postOnce(request(other), 5000, true), /did not answer in HTTP\/1\.1 \(it sent "220 smtp/);
  });

  it('does not keep the process alive while an upload waits, unless told to hold it', async () => {
    const url = await rawServer(() => undefined);
    const unheld = runApp('pendingUploadApp.ts', url, { register: false });
    const held = runApp('pendingUploadApp.ts', url, { register: false, env: { HOLD_UPLOAD: '1' } });
    // Unheld, the app ends when its own work is done; held, it is still waiting a second later.
    assert.deepEqual(await unheld.exited, { code: 0, signal: null });
    await held.ready();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    held.child.kill('SIGTERM');
    assert.deepEqual(await held.exited, { code: null, signal: 'SIGTERM' });
    assert.equal(unheld.output().stdout, 'ready\n');
    assert.equal(held.output().stdout, 'ready\n');
  });
});

describe('postOnce over TLS', () => {
  it('verifies the certificate: a self-signed one is refused with the reason', async () => {
    const ingest = new FakeIngest([], tlsFixture);
    const url = await ingest.listen();
    await assert.rejects(postOnce(request(url), 5000, true), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    await ingest.close();
    assert.equal(ingest.uploads.length, 0);
  });

  it('uploads over https to a server the process trusts (NODE_EXTRA_CA_CERTS), with Grafana Cloud auth', async () => {
    const ingest = new FakeIngest([], tlsFixture);
    const url = await ingest.listen();
    const app = runApp('shortApp.ts', url.replace('127.0.0.1', 'localhost'), {
      env: {
        NODE_EXTRA_CA_CERTS: path.join(__dirname, 'fixtures', 'tls', 'localhost.crt'),
        PYROSCOPE_BASIC_AUTH_USER: '123456',
        PYROSCOPE_BASIC_AUTH_PASSWORD: 'glc_token',
        PYROSCOPE_TENANT_ID: 'team-a',
      },
    });
    const { code } = await app.exited;
    await ingest.close();
    assert.equal(code, 0, app.output().stderr);
    assert.ok(ingest.uploads.length >= 1, app.output().stderr);
    const [upload] = ingest.uploads;
    assert.equal(upload?.headers.authorization, `Basic ${Buffer.from('123456:glc_token').toString('base64')}`);
    assert.equal(upload?.headers['x-scope-orgid'], 'team-a');
    assert.equal(upload?.parts[0]?.filename, 'profile.pprof');
  });
});
