import { request } from 'node:http';

import { startHttpServer, type TestServer } from './startHttpServer';

/**
 * An authenticating reverse proxy in front of a real Pyroscope, the way Grafana Cloud's gateway (or any
 * proxy an operator puts in front of open-source Pyroscope, which has no auth of its own) behaves:
 * requests without the expected Authorization header get 401.
 */
export function startAuthProxy(targetUrl: string, expectedAuthorization: string): Promise<TestServer> {
  const target = new URL(targetUrl);
  return startHttpServer((incoming, outgoing) => {
    if (incoming.headers.authorization !== expectedAuthorization) {
      outgoing.writeHead(401, { 'Content-Type': 'application/json' });
      outgoing.end(JSON.stringify({ code: 'unauthenticated', message: 'invalid credentials' }));
      return;
    }
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      }
    );
    upstream.on('error', () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
}
