import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A canned Connect server on 127.0.0.1 for unit tests: the real HTTP stack (node:http and undici) between
// ConnectClient and a scripted Pyroscope. The real Pyroscope is exercised by the integration tests.

export type RecordedCall = {
  /** The RPC name, e.g. 'ProfileTypes'. */
  method: string;
  httpMethod: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
};

export type CannedAnswer = {
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Wait this long before answering. */
  delayMs?: number;
};

export type TestConnectServer = {
  url: string;
  calls: RecordedCall[];
  close(): Promise<void>;
};

/** JSON answer helper: a Connect JSON body with status 200 unless told otherwise. */
export function jsonAnswer(body: unknown, status = 200): CannedAnswer {
  return { status, contentType: 'application/json', body: JSON.stringify(body) };
}

export async function startTestConnectServer(
  answer: (call: RecordedCall) => CannedAnswer | Promise<CannedAnswer>
): Promise<TestConnectServer> {
  const calls: RecordedCall[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      const call: RecordedCall = {
        method: path.split('/').pop() ?? '',
        httpMethod: req.method ?? '',
        path,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      calls.push(call);
      void Promise.resolve(answer(call)).then((canned) => {
        const send = () => {
          if (res.destroyed) {
            return;
          }
          res.writeHead(canned.status ?? 200, {
            ...(canned.contentType === undefined ? {} : { 'Content-Type': canned.contentType }),
            ...canned.headers,
          });
          res.end(canned.body ?? '');
        };
        if (canned.delayMs === undefined) {
          send();
        } else {
          setTimeout(send, canned.delayMs).unref();
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
