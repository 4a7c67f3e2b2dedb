import type { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { of, throwError } from 'rxjs';

export type Answer = { status?: number; data: unknown };

/**
 * Grafana's backendSrv for tests: `answer` gets each request (url + params) and returns its answer; a
 * status of 400 or more rejects as Grafana does ({status, data}). Every request is kept in `requests`.
 */
export function fakeBackendSrv(answer: (request: BackendSrvRequest) => Answer) {
  const requests: BackendSrvRequest[] = [];
  const fetch = <T>(request: BackendSrvRequest) => {
    requests.push(request);
    const { status = 200, data } = answer(request);
    if (status >= 400) {
      return throwError(() => ({ status, data, config: request }));
    }
    return of({ data, status, ok: true, config: request } as unknown as FetchResponse<T>);
  };
  const backendSrv = { fetch } as unknown as BackendSrv;
  return { backendSrv, requests };
}
