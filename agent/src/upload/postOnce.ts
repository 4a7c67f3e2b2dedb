import http from 'node:http';
import type https from 'node:https';
import type { IngestRequest } from './buildIngestRequest';

export type PostResult = { status: number; message: string };

// Kept-alive connections (a TLS handshake per upload would cost more CPU than the upload). `https` (and
// with it TLS) is loaded only for https addresses: it adds a few MB of memory.
let httpAgent: http.Agent | undefined;
let httpsModule: typeof https | undefined;
let httpsAgent: https.Agent | undefined;

/**
 * One POST with an overall timeout. Resolves with the status and the start of the body; rejects on network
 * errors and timeouts. `hold` keeps the process alive until it is done (the final flush); otherwise the
 * socket is unref'd so an upload never delays the app's exit.
 */
export function postOnce(request: IngestRequest, timeoutMs: number, hold: boolean): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    let req: http.ClientRequest;
    if (request.url.protocol === 'https:') {
      httpsModule ??= require('node:https') as typeof https;
      httpsAgent ??= new httpsModule.Agent({ keepAlive: true, maxSockets: 2 });
      req = httpsModule.request(request.url, { method: 'POST', headers: request.headers, agent: httpsAgent });
    } else {
      httpAgent ??= new http.Agent({ keepAlive: true, maxSockets: 2 });
      req = http.request(request.url, { method: 'POST', headers: request.headers, agent: httpAgent });
    }
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    if (!hold) {
      timer.unref();
      req.on('socket', (socket) => socket.unref());
    }
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < 512) {
          chunks.push(chunk);
          size += chunk.length;
        }
      });
      res.on('error', () => undefined);
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, message: Buffer.concat(chunks).toString('utf8').slice(0, 300).trim() });
      });
    });
    req.end(request.body);
  });
}
