import net from 'node:net';
import type tls from 'node:tls';
import type { IngestRequest } from './buildIngestRequest';
import type { PostResult } from './PostResult';
import { readHttpResponse } from './readHttpResponse';

// TLS is loaded only for https addresses: it costs memory an http-only agent does not need.
let tlsModule: typeof tls | undefined;

/**
 * One POST on a connection of its own, written straight to a `net`/`tls` socket rather than through
 * `node:http`: the http client's objects run through the same http and stream functions as the app's own
 * requests but with other shapes, and measured here that made V8 deoptimise the app's request path (an
 * upload every 10 s cost the app ~5 ms/s more than this; agent/MEASUREMENTS.md, sessions 5 and 6).
 *
 * Resolves with the status and the start of the body; rejects on network errors, an answer that is not
 * HTTP, and the timeout (which covers connecting, sending and the answer). `hold` keeps the process alive
 * until it is done (the final flush); otherwise the socket is unref'd so an upload never delays the app's
 * exit.
 */
export function postOnce(request: IngestRequest, timeoutMs: number, hold: boolean): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const { url } = request;
    const secure = url.protocol === 'https:';
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
    let socket: net.Socket;
    if (secure) {
      tlsModule ??= require('node:tls') as typeof tls;
      socket = tlsModule.connect({ host, port, ALPNProtocols: ['http/1.1'] });
    } else {
      socket = net.connect({ host, port });
    }
    let settled = false;
    const settle = (error: Error | undefined, result?: PostResult) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error !== undefined) {
        reject(error);
      } else {
        resolve(result!);
      }
    };
    const timer = setTimeout(() => settle(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    if (!hold) {
      timer.unref();
      socket.unref();
    }

    let received = Buffer.alloc(0);
    const read = (ended: boolean) => {
      try {
        const result = readHttpResponse(received, ended);
        if (result !== undefined) {
          settle(undefined, result);
        }
      } catch (error) {
        settle(error as Error);
      }
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      read(false);
    });
    socket.on('end', () => read(true));
    socket.on('error', (error) => settle(error));
    socket.on('close', () => settle(new Error('the connection closed before an answer')));

    const head =
      `POST ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n` +
      Object.entries(request.headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('') +
      '\r\n';
    // No half-close after the body: Go's server (Pyroscope) takes a client's EOF for a cancelled request.
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), request.body]));
  });
}
