import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

/** One POST's answer, body read to the end and inflated. */
export type HttpAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

export type HttpPost = (
  url: string,
  request: { headers: Record<string, string>; body: string | Uint8Array; signal: AbortSignal }
) => Promise<HttpAnswer>;

const inflate = promisify(gunzip);

// Connections stay open between queries: Grafana asks again every refresh.
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/**
 * POSTs with Node's own HTTP client: one buffer out, chunks in, no streams in between (fetch's WHATWG streams
 * cost a flame graph answer a millisecond). Never follows redirects; rejects with Node's socket, DNS, TLS or
 * parser error (its `code` says which), or an AbortError when `signal` fires.
 */
export const httpPost: HttpPost = (url, { headers, body, signal }) =>
  new Promise<HttpAnswer>((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
    const payload = typeof body === 'string' ? Buffer.from(body) : body;
    const request = client.request(
      target,
      { method: 'POST', agent, signal, headers: { ...headers, 'Content-Length': String(payload.byteLength) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
          const answer = { status: response.statusCode ?? 0, headers: response.headers };
          if (response.headers['content-encoding'] === 'gzip') {
            inflate(raw).then((inflated) => resolve({ ...answer, body: inflated }), reject);
          } else {
            resolve({ ...answer, body: raw });
          }
        });
      }
    );
    request.on('error', reject);
    request.end(payload);
  });
