import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

import type { Tracer } from '@opentelemetry/api';

import type { BenchControl } from './createBenchControl';
import { healthRoute } from './healthRoute';
import { HttpError } from './HttpError';
import { imageProcessGetRoute, imageProcessPostRoute } from './imageProcessRoutes';
import { readJsonBody } from './readJsonBody';
import type { Route } from './Route';
import { slowReportRoute } from './slowReportRoute';
import { traceRequest } from './traceRequest';
import { trigsRoute } from './trigsRoute';
import type { RouteAnswer } from './types';

const ROUTES: readonly Route[] = [
  trigsRoute,
  imageProcessGetRoute,
  imageProcessPostRoute,
  slowReportRoute,
  healthRoute,
];

export type TrigsApiOptions = { tracer: Tracer; bench?: BenchControl };

/** The trigs-api's request handler: routing, a server span per request, JSON answers and errors. */
export function createTrigsApi({ tracer, bench }: TrigsApiOptions): RequestListener {
  const handleRequest: RequestListener = (request, response) => {
    if (bench?.handle(request, response)) {
      return;
    }
    const url = new URL(request.url ?? '/', 'http://trigs-api');
    const candidates = ROUTES.filter((route) => route.path === url.pathname);
    const route = candidates.find((candidate) => candidate.method === request.method);
    if (!route) {
      request.resume();
      if (candidates.length > 0) {
        response.setHeader('Allow', candidates.map((candidate) => candidate.method).join(', '));
        send(response, {
          status: 405,
          body: { error: `${url.pathname} answers ${candidates.map((c) => c.method).join(' and ')}` },
        });
      } else {
        send(response, {
          status: 404,
          body: {
            error: `no endpoint ${url.pathname}; try ${[...new Set(ROUTES.map((known) => known.path))].join(', ')}`,
          },
        });
      }
      return;
    }
    if (bench) {
      response.once('finish', () => bench.countRequest(route.path));
    }
    traceRequest(tracer, request, response, route.path, async (span) => {
      try {
        const body = request.method === 'POST' ? await readJsonBody(request) : (request.resume(), undefined);
        send(response, await route.handle({ method: route.method, url, body }, tracer));
      } catch (error) {
        if (error instanceof HttpError) {
          send(response, { status: error.status, body: { error: error.message } });
        } else {
          span.recordException(error as Error);
          send(response, { status: 500, body: { error: 'internal error' } });
          process.stderr.write(
            `trigs-api: ${route.method} ${route.path} failed: ${(error as Error).stack ?? String(error)}\n`
          );
        }
      }
    }).catch((error: unknown) => process.stderr.write(`trigs-api: ${String(error)}\n`));
  };
  return handleRequest;
}

function send(response: ServerResponse<IncomingMessage>, answer: RouteAnswer): void {
  const text = 'json' in answer ? answer.json : JSON.stringify(answer.body);
  response.writeHead(answer.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
