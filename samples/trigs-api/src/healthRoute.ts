import type { Route } from './Route';

/** `GET /health`: the process is up and serving. */
export const healthRoute: Route = {
  method: 'GET',
  path: '/health',
  handle() {
    return { status: 200, body: { status: 'ok' } };
  },
};
