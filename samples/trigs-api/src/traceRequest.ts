import type { IncomingMessage, ServerResponse } from 'node:http';

import { context, propagation, SpanKind, SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';

/**
 * Runs a request's handling inside a SERVER span named `METHOD route` (templated, so span names stay
 * low-cardinality), continuing an incoming W3C trace. The span ends when the response has been sent.
 */
export function traceRequest(
  tracer: Tracer,
  request: IncomingMessage,
  response: ServerResponse,
  route: string,
  handle: (span: Span) => Promise<void>
): Promise<void> {
  const parent = propagation.extract(context.active(), request.headers);
  const method = request.method ?? 'GET';
  return tracer.startActiveSpan(
    `${method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': method,
        'http.route': route,
        'url.path': (request.url ?? '/').split('?')[0]!,
        'url.scheme': 'http',
      },
    },
    parent,
    async (span) => {
      response.once('close', () => {
        span.setAttribute('http.response.status_code', response.statusCode);
        if (response.statusCode >= 500) {
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
      });
      await handle(span);
    }
  );
}
