import type { DatasourceSettings } from '../settings/DatasourceSettings';
import { notPyroscopeError } from './notPyroscopeError';
import { PyroscopeError } from './PyroscopeError';
import { redactSecrets } from './redactSecrets';

export type HttpAnswer = { status: number; contentType: string; body: string; location?: string };

const MAX_QUOTED = 300;

/**
 * Turns a non-2xx answer into a PyroscopeError. Connect errors are JSON `{code, message}`; keys off `code`
 * (statuses differ between proxies), and falls back to the status for answers from something else.
 */
export function responseToPyroscopeError(
  answer: HttpAnswer,
  settings: DatasourceSettings,
  method: string
): PyroscopeError {
  const error = classify(answer, settings, method);
  error.cause = new Error(`HTTP ${answer.status} ${answer.contentType}: ${quote(answer.body, settings)}`);
  return error;
}

function classify(answer: HttpAnswer, settings: DatasourceSettings, method: string): PyroscopeError {
  const { status } = answer;
  if (status >= 300 && status < 400) {
    return notPyroscopeError(
      settings.url,
      method,
      `was redirected (HTTP ${status}) to ${redirectTarget(answer.location, settings)}; the datasource does not follow redirects, so set the URL Pyroscope really answers at`,
      status
    );
  }
  const connect = connectError(answer);
  const said = quote(connect?.message ?? answer.body, settings);
  const code = connect?.code;
  if (
    code === 'unauthenticated' ||
    code === 'permission_denied' ||
    (code === undefined && (status === 401 || status === 403))
  ) {
    return /org ?id|tenant/i.test(said) ? missingTenant(settings, said, status) : authRefused(settings, said, status);
  }
  if (code === 'invalid_argument' || code === 'failed_precondition' || code === 'out_of_range') {
    return new PyroscopeError('invalid_argument', `Pyroscope rejected the query: ${said}`, status);
  }
  if (code === 'deadline_exceeded') {
    return new PyroscopeError(
      'timeout',
      `Pyroscope gave up on ${method} after the datasource's timeout (${settings.timeoutMs / 1000} s, setting timeoutSeconds): ${said}. ` +
        'Narrow the time range or the label selector, or raise the timeout',
      status
    );
  }
  if (code === undefined && (status === 404 || status === 405 || status === 415)) {
    return notPyroscopeError(
      settings.url,
      method,
      `got HTTP ${status}${answer.contentType === '' ? '' : ` (${answer.contentType})`}`,
      status
    );
  }
  const what = code === undefined ? `HTTP ${status}` : `HTTP ${status} (${code})`;
  return new PyroscopeError(
    'upstream',
    `Pyroscope at ${settings.url} answered ${method} with ${what}: ${said || 'no message'}`,
    status
  );
}

function missingTenant(settings: DatasourceSettings, said: string, status: number): PyroscopeError {
  const message =
    settings.tenantId === undefined
      ? `Pyroscope at ${settings.url} runs in multi-tenant mode and needs a tenant (${said}): set the Tenant ID (sent as X-Scope-OrgID) in the datasource settings`
      : `Pyroscope at ${settings.url} refused the Tenant ID "${settings.tenantId}" (${said}): check the Tenant ID in the datasource settings`;
  return new PyroscopeError('missing_tenant', message, status);
}

function authRefused(settings: DatasourceSettings, said: string, status: number): PyroscopeError {
  const refused = status === 403 ? 'denied access with these credentials' : 'refused the credentials';
  const { auth } = settings;
  const check =
    auth.mode === 'basic'
      ? `The datasource uses basic auth as user "${auth.user}": check the user and the password` +
        (status === 403 ? ' and that the password (for Grafana Cloud, an access policy token) may read profiles' : '')
      : auth.mode === 'bearer'
        ? 'The datasource uses a bearer token: check that the token is valid' +
          (status === 403 ? ' and may read profiles' : '')
        : 'The datasource sends no credentials: choose basic or bearer authentication in the datasource settings';
  return new PyroscopeError(
    'auth_refused',
    `Pyroscope at ${settings.url} ${refused} (HTTP ${status}: ${said}). ${check}`,
    status
  );
}

function connectError(answer: HttpAnswer): { code: string; message?: string } | undefined {
  if (!answer.contentType.includes('json')) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(answer.body);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { code?: unknown }).code === 'string') {
      const { code, message } = parsed as { code: string; message?: unknown };
      return { code, message: typeof message === 'string' ? message : undefined };
    }
  } catch {
    // Not a Connect error body; the status decides.
  }
  return undefined;
}

function redirectTarget(location: string | undefined, settings: DatasourceSettings): string {
  if (location === undefined) {
    return 'an unnamed location';
  }
  try {
    // Only origin and path: a login redirect's query string may carry tokens.
    const target = new URL(location, settings.url);
    return `${target.origin}${target.pathname}`;
  } catch {
    return 'an invalid location';
  }
}

/** Upstream text, made safe to show: no markup, no secrets, bounded length. */
function quote(text: string, settings: DatasourceSettings): string {
  const plain = redactSecrets(
    text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    settings
  );
  return plain.length > MAX_QUOTED ? `${plain.slice(0, MAX_QUOTED)}…` : plain;
}
