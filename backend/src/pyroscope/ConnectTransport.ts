import type { DatasourceSettings } from '../settings/DatasourceSettings';
import { type AbortReason, fetchFailureToPyroscopeError } from './fetchFailureToPyroscopeError';
import { hostLooksLocal } from './hostLooksLocal';
import { type HttpPost, httpPost } from './httpPost';
import { notPyroscopeError } from './notPyroscopeError';
import { PyroscopeError } from './PyroscopeError';
import { responseToPyroscopeError } from './responseToPyroscopeError';

type Codec = 'json' | 'proto';

const CONTENT_TYPE: Record<Codec, string> = { json: 'application/json', proto: 'application/proto' };

/**
 * Connect unary calls to Pyroscope's querier.v1.QuerierService over HTTP/1.1: headers (auth, tenant,
 * custom, compression), the per-request timeout, and every failure turned into a PyroscopeError.
 */
export class ConnectTransport {
  private readonly headers: Record<string, string>;

  constructor(
    private readonly settings: DatasourceSettings,
    private readonly post: HttpPost = httpPost
  ) {
    const headers: Record<string, string> = {
      ...settings.headers,
      'Connect-Protocol-Version': '1',
      'Connect-Timeout-Ms': String(settings.timeoutMs),
      'User-Agent': 'emberlabs-profiles-datasource',
      // Only gzip is asked for, and httpPost inflates it.
      'Accept-Encoding': wantsGzip(settings) ? 'gzip' : 'identity',
    };
    if (settings.auth.mode === 'basic') {
      headers.Authorization = `Basic ${Buffer.from(`${settings.auth.user}:${settings.auth.password}`).toString('base64')}`;
    } else if (settings.auth.mode === 'bearer') {
      headers.Authorization = `Bearer ${settings.auth.token}`;
    }
    if (settings.tenantId !== undefined) {
      headers['X-Scope-OrgID'] = settings.tenantId;
    }
    this.headers = headers;
  }

  /** A JSON-coded call; resolves to the answer's top-level object. */
  async json(method: string, request: object, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const body = await this.call(method, 'json', JSON.stringify(request), signal);
    return this.decode(method, body, (bytes) => {
      const parsed: unknown = JSON.parse(bytes.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error('the JSON answer is not an object');
      }
      return parsed as Record<string, unknown>;
    });
  }

  /** A protobuf-coded call, for answers too large to decode from JSON quickly. */
  async proto<T>(method: string, request: Uint8Array, decode: (bytes: Buffer) => T, signal?: AbortSignal): Promise<T> {
    const body = await this.call(method, 'proto', request, signal);
    return this.decode(method, body, decode);
  }

  private async call(
    method: string,
    codec: Codec,
    body: string | Uint8Array,
    callerSignal?: AbortSignal
  ): Promise<Buffer> {
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    const signal = callerSignal === undefined ? timeout : AbortSignal.any([callerSignal, timeout]);
    const contentType = CONTENT_TYPE[codec];
    let status: number;
    let answerType: string;
    let location: string | null;
    let answer: Buffer;
    try {
      const response = await this.post(`${this.settings.url}/querier.v1.QuerierService/${method}`, {
        headers: { ...this.headers, 'Content-Type': contentType, Accept: `${contentType}; allow-utf8-labelnames=true` },
        body,
        signal,
      });
      status = response.status;
      answerType = response.headers['content-type'] ?? '';
      location = response.headers.location ?? null;
      answer = response.body;
    } catch (err) {
      const reason: AbortReason | undefined = callerSignal?.aborted
        ? 'cancelled'
        : timeout.aborted
          ? 'timeout'
          : undefined;
      throw fetchFailureToPyroscopeError(err, this.settings, method, reason);
    }
    if (status < 200 || status > 299) {
      const httpAnswer = {
        status,
        contentType: answerType,
        body: answer.toString('utf8'),
        ...(location === null ? {} : { location }),
      };
      throw responseToPyroscopeError(httpAnswer, this.settings, method);
    }
    if (!answerType.startsWith(contentType)) {
      throw notPyroscopeError(
        this.settings.url,
        method,
        `got HTTP ${status} with ${answerType || 'no Content-Type'} instead of ${contentType}`,
        status
      );
    }
    return answer;
  }

  private decode<T>(method: string, body: Buffer, decode: (bytes: Buffer) => T): T {
    try {
      return decode(body);
    } catch (err) {
      if (err instanceof PyroscopeError) {
        throw err;
      }
      const error = notPyroscopeError(
        this.settings.url,
        method,
        `got an answer that does not decode (${err instanceof Error ? err.message : String(err)})`
      );
      error.cause = err;
      throw error;
    }
  }
}

/** `auto`: gzip only pays where bandwidth is scarce, i.e. for a Pyroscope across the internet. */
function wantsGzip({ compression, url }: DatasourceSettings): boolean {
  return compression === 'gzip' || (compression === 'auto' && !hostLooksLocal(new URL(url).hostname));
}
