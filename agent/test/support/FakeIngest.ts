import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';

/** One request as the fake ingest receiver saw it. */
export type ReceivedUpload = {
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Name, filename and content of each multipart part. */
  parts: Array<{ name: string; filename?: string; data: Buffer }>;
  status: number;
};

/**
 * A stand-in for Pyroscope's `/ingest` on 127.0.0.1 (port picked by the OS): records each request, parses
 * its multipart body, and answers with the next status from `statuses` (then 200). Given a key and
 * certificate, it serves https.
 */
export class FakeIngest {
  readonly uploads: ReceivedUpload[] = [];
  private readonly server: http.Server | https.Server;
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  constructor(
    private readonly statuses: number[] = [],
    private readonly tls?: { key: Buffer; cert: Buffer }
  ) {
    const handle: http.RequestListener = (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        const status = this.statuses.shift() ?? 200;
        this.uploads.push({
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          parts: parseMultipart(String(req.headers['content-type'] ?? ''), Buffer.concat(chunks)),
          status,
        });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 200 ? '' : JSON.stringify({ code: 'test', message: `status ${status}` }));
        this.waiters = this.waiters.filter((w) => (this.uploads.length >= w.count ? (w.resolve(), false) : true));
      });
    };
    this.server = tls === undefined ? http.createServer(handle) : https.createServer(tls, handle);
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const scheme = this.tls === undefined ? 'http' : 'https';
    return `${scheme}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once `count` requests have arrived. */
  waitFor(count: number): Promise<void> {
    if (this.uploads.length >= count) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The pprof in an upload's `profile` part. */
export function decodeUpload(upload: ReceivedUpload): Profile {
  const part = upload.parts.find((p) => p.name === 'profile');
  if (part === undefined) {
    throw new Error('no profile part');
  }
  return Profile.decode(gunzipSync(part.data));
}

function parseMultipart(contentType: string, body: Buffer): ReceivedUpload['parts'] {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (boundary === undefined) {
    return [];
  }
  const parts: ReceivedUpload['parts'] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) {
      break;
    }
    const chunk = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = chunk.indexOf('\r\n\r\n');
    const headers = chunk.subarray(0, headerEnd).toString('utf8');
    const name = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    parts.push({ name, ...(filename !== undefined ? { filename } : {}), data: chunk.subarray(headerEnd + 4) });
    start = next;
  }
  return parts;
}
