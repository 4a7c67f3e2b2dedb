import type { Tracer } from '@opentelemetry/api';

import type { RouteAnswer } from './types';

/** A request as routes see it: the parsed URL and, for POST, the parsed JSON body. */
export type RouteRequest = { method: string; url: URL; body: unknown };

/** One endpoint: its templated path (also the span name's route) and its handler. */
export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  handle(request: RouteRequest, tracer: Tracer): RouteAnswer | Promise<RouteAnswer>;
}
