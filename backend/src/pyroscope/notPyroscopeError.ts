import { PyroscopeError } from './PyroscopeError';

/** Something answered at the configured URL, but not the way Pyroscope does. */
export function notPyroscopeError(url: string, method: string, detail: string, httpStatus?: number): PyroscopeError {
  return new PyroscopeError(
    'not_pyroscope',
    `${url} answered, but not like a Pyroscope server: POST /querier.v1.QuerierService/${method} ${detail}. ` +
      "Check that the URL points at Pyroscope's HTTP port (4040 by default), including any path prefix",
    httpStatus
  );
}
