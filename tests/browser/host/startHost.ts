import { createReadStream, existsSync, statSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';

import type { GrafanaSettings } from '../../support/grafanaClient';
import { startHttpServer } from '../../support/startHttpServer';
import { buildHost } from './buildHost';
import { FixtureAnswers } from './FixtureAnswers';
import { findFontFile } from './findFontFile';
import { findIconFile } from './findIconFile';
import { type HostAnswers, type RequestedQuery } from './HostAnswers';
import { hostPage } from './hostPage';
import { LiveAnswers } from './LiveAnswers';

export type HostOptions = {
  /** Answer through Grafana's client against this datasource (a real Pyroscope) instead of the fixtures. */
  live?: GrafanaSettings;
};

export type RunningHost = {
  url: string;
  /** The recorded answers (to add a test's own); undefined for a live host. */
  fixtures?: FixtureAnswers;
  close(): Promise<void>;
};

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.otf': 'font/otf',
  '.ttf': 'font/ttf',
};

/**
 * Builds the browser host and serves it on 127.0.0.1 (a port the OS picks): the page, its bundle, Grafana's
 * icons and fonts, and the APIs the plugin's frontend calls: POST /api/ds/query,
 * /api/datasources/uid/<uid>/resources/… (+ /health) and the datasource proxy to Tempo
 * (/api/datasources/proxy/uid/<uid>/…), answered from recorded fixtures or live.
 */
export async function startHost(options: HostOptions = {}): Promise<RunningHost> {
  const bundle = await buildHost();
  const fixtures = options.live ? undefined : new FixtureAnswers();
  const answers: HostAnswers = options.live ? new LiveAnswers(options.live) : fixtures!;
  const server = await startHttpServer((request, response) => {
    route(request, response, bundle.dir, answers).catch((error: Error) =>
      sendJson(response, 500, { message: `browser host: ${error.message}` })
    );
  });
  return {
    url: server.url,
    fixtures,
    close: async () => {
      await server.close();
      bundle.remove();
    },
  };
}

async function route(request: IncomingMessage, response: ServerResponse, bundleDir: string, answers: HostAnswers) {
  const url = new URL(request.url ?? '/', 'http://host');
  const path = url.pathname;
  if (path === '/api/ds/query' && request.method === 'POST') {
    const body = JSON.parse(await readBody(request)) as { queries: RequestedQuery[]; from: string; to: string };
    return sendJson(response, 200, await answers.query(body.queries, Number(body.from), Number(body.to)));
  }
  const resource = /^\/api\/datasources\/uid\/[^/]+\/resources\/(.+)$/.exec(path);
  if (resource) {
    const body = request.method === 'POST' ? (JSON.parse(await readBody(request)) as unknown) : undefined;
    const answer = await answers.resource(`${resource[1]}${url.search}`, body);
    return sendJson(response, answer.status, answer.body);
  }
  const proxied = /^\/api\/datasources\/proxy\/uid\/([^/]+)\/(.+)$/.exec(path);
  if (proxied) {
    const answer = await answers.datasourceProxy(decodeURIComponent(proxied[1]!), `${proxied[2]}${url.search}`);
    return sendJson(response, answer.status, answer.body);
  }
  if (/^\/api\/datasources\/uid\/[^/]+\/health$/.test(path)) {
    const answer = await answers.health();
    return sendJson(response, answer.status, answer.body);
  }
  if (path.startsWith('/api/')) {
    return sendJson(response, 404, { message: `the browser host does not serve ${request.method} ${path}` });
  }
  if (path === '/host.js' || path === '/host.css' || /^\/[\w-]+\.(ttf|woff2?)$/.test(path)) {
    return sendFile(response, join(bundleDir, path));
  }
  if (path.startsWith('/public/build/img/icons/')) {
    return sendFile(response, findIconFile(path.slice('/public/build/img/icons/'.length)));
  }
  if (path.startsWith('/public/fonts/')) {
    return sendFile(response, findFontFile(path.slice('/public/fonts/'.length)));
  }
  // Every other path is a route of the single-page app, as in Grafana.
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(hostPage());
}

function sendFile(response: ServerResponse, file: string | undefined): void {
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
