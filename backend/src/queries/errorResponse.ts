import type { DataResponse } from '../plugin/types';
import { PyroscopeError, type PyroscopeErrorKind } from '../pyroscope/PyroscopeError';
import { QueryError } from './QueryError';

/**
 * The DataResponse for a failed query. Bad queries are the plugin's 400; Pyroscope's failures are
 * downstream: 400 when Pyroscope rejected the request as invalid, 504 when it timed out, 502 otherwise
 * (unreachable, TLS, refused credentials, missing tenant, not Pyroscope, upstream errors: the datasource
 * settings or Pyroscope need attention, not the user's Grafana session, so never 401/403). Anything else
 * is a bug here: 500 with a message that leaks nothing.
 */
export function errorResponse(error: unknown, refId: string): DataResponse {
  if (error instanceof QueryError) {
    return { frames: [], status: 400, error: error.message, errorSource: 'plugin' };
  }
  if (error instanceof PyroscopeError) {
    return { frames: [], status: downstreamStatus(error.kind), error: error.message, errorSource: 'downstream' };
  }
  return {
    frames: [],
    status: 500,
    error: `Query ${refId} failed inside the datasource backend; the Grafana server log has the details`,
    errorSource: 'plugin',
  };
}

function downstreamStatus(kind: PyroscopeErrorKind): number {
  switch (kind) {
    case 'invalid_argument':
      return 400;
    case 'timeout':
      return 504;
    default:
      return 502;
  }
}
