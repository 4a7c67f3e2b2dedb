/**
 * Why a call to Pyroscope failed, in terms an admin can act on. `message` says what to change;
 * it never contains secrets.
 */
export type PyroscopeErrorKind =
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'auth_refused'
  | 'missing_tenant'
  | 'not_pyroscope'
  | 'invalid_argument'
  | 'upstream';

export class PyroscopeError extends Error {
  readonly kind: PyroscopeErrorKind;
  /** HTTP status of Pyroscope's answer, when there was one. */
  readonly httpStatus?: number;

  constructor(kind: PyroscopeErrorKind, message: string, httpStatus?: number) {
    super(message);
    this.name = 'PyroscopeError';
    this.kind = kind;
    this.httpStatus = httpStatus;
  }
}
