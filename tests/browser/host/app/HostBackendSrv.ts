import { from, type Observable } from 'rxjs';
import { type BackendSrv, type BackendSrvRequest, type FetchError, type FetchResponse } from '@grafana/runtime';

/**
 * Grafana's backendSrv for the host: requests go to the host's server with fetch, as Grafana's own
 * backendSrv sends them to Grafana; failures become Grafana's FetchError shape.
 */
export class HostBackendSrv implements BackendSrv {
  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return from(this.send<T>(options));
  }

  async datasourceRequest<T = unknown>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return this.send<T>(options);
  }

  async request<T = unknown>(options: BackendSrvRequest): Promise<T> {
    return (await this.send<T>(options)).data;
  }

  get<T = unknown>(
    url: string,
    params?: Record<string, unknown>,
    requestId?: string,
    options?: Partial<BackendSrvRequest>
  ) {
    return this.request<T>({ ...options, url, params, requestId, method: 'GET' });
  }

  post<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, url, data, method: 'POST' });
  }

  put<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, url, data, method: 'PUT' });
  }

  patch<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, url, data, method: 'PATCH' });
  }

  delete<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, url, data, method: 'DELETE' });
  }

  chunked(options: BackendSrvRequest): Observable<FetchResponse<Uint8Array | undefined>> {
    return from(
      this.send<ArrayBuffer>({ ...options, responseType: 'arraybuffer' }).then((response) => ({
        ...response,
        data: new Uint8Array(response.data),
      }))
    );
  }

  private async send<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    const url = withParams(options.url, options.params);
    const method = options.method ?? 'GET';
    const hasBody = options.data !== undefined && method !== 'GET';
    const response = await fetch(url, {
      method,
      headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
      body: hasBody ? JSON.stringify(options.data) : undefined,
      signal: options.abortSignal,
    });
    const data = await readBody(response, options.responseType);
    const result = {
      data: data as T,
      status: response.status,
      statusText: response.statusText,
      ok: response.ok,
      headers: response.headers,
      redirected: response.redirected,
      type: response.type,
      url: response.url,
      config: options,
    };
    if (!response.ok) {
      const error: FetchError = {
        status: response.status,
        statusText: response.statusText,
        data,
        message: typeof data === 'object' && data && 'message' in data ? String(data.message) : response.statusText,
        config: options,
      };
      throw error;
    }
    return result;
  }
}

function withParams(url: string, params: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) {
        search.append(name, String(item));
      }
    }
  }
  const query = search.toString();
  return query === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

async function readBody(response: Response, type: BackendSrvRequest['responseType']): Promise<unknown> {
  if (type === 'arraybuffer') {
    return response.arrayBuffer();
  }
  if (type === 'blob') {
    return response.blob();
  }
  const text = await response.text();
  if (type === 'text') {
    return text;
  }
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}
