import type { DataSourceInstance } from '../plugin/types';
import type { Compression, DatasourceSettings, PyroscopeAuth } from './DatasourceSettings';
import { SettingsError } from './SettingsError';

const DEFAULT_TIMEOUT_SECONDS = 30;
const MAX_TIMEOUT_SECONDS = 600;
const DEFAULT_SPAN_WINDOW_PAD_SECONDS = 60;
const DEFAULT_MIN_STEP_SECONDS = 15;

// Headers the client sets itself; a custom header with one of these names would break the Connect protocol.
const RESERVED_HEADERS = new Set([
  'accept',
  'content-type',
  'content-length',
  'content-encoding',
  'connect-protocol-version',
  'connect-timeout-ms',
  'host',
  'transfer-encoding',
]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// dskit's tenant ID rules; reads may join several tenants with '|'.
const TENANT_ID = /^[a-zA-Z0-9!\-_.*'()]{1,150}$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g;
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$/;
const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const COMPRESSIONS: readonly Compression[] = ['auto', 'gzip', 'none'];

/** Reads and checks the datasource's configuration; throws a SettingsError that names the setting to fix. */
export function parseSettings(instance: DataSourceInstance): DatasourceSettings {
  const jsonData = instance.jsonData ?? {};
  const secure = instance.secureJsonData ?? {};
  const auth = parseAuth(instance, jsonData, secure);
  const tenantId = parseTenantId(jsonData.tenantId);
  return {
    url: parseUrl(instance.url),
    auth,
    ...(tenantId === undefined ? {} : { tenantId }),
    headers: parseHeaders(jsonData, secure, auth, tenantId),
    timeoutMs:
      readNumber(
        jsonData,
        'timeoutSeconds',
        DEFAULT_TIMEOUT_SECONDS,
        (n) => n > 0 && n <= MAX_TIMEOUT_SECONDS,
        `a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}`
      ) * 1000,
    spanWindowPadMs:
      readNumber(
        jsonData,
        'spanWindowPadSeconds',
        DEFAULT_SPAN_WINDOW_PAD_SECONDS,
        (n) => n >= 0,
        'a number of seconds, 0 or more'
      ) * 1000,
    minStepSeconds: parseMinStep(jsonData.minStep),
    compression: parseCompression(jsonData.compression),
  };
}

function parseUrl(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  const example = 'for example http://localhost:4040';
  if (text === '') {
    throw new SettingsError('url', `Set the Pyroscope URL in the datasource settings (${example})`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SettingsError(
      'url',
      `The Pyroscope URL "${text}" is not a valid URL: set an http:// or https:// URL (${example})`
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SettingsError(
      'url',
      `The Pyroscope URL must start with http:// or https:// (${example}), not ${url.protocol}//`
    );
  }
  if (url.username !== '' || url.password !== '') {
    // Never echo the URL here: it holds a password.
    throw new SettingsError(
      'url',
      'Remove the user name and password from the Pyroscope URL and set them under Authentication (Basic auth) instead'
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new SettingsError(
      'url',
      `Remove the query string or fragment from the Pyroscope URL "${text}": set only the server's base URL (${example})`
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function parseAuth(
  instance: DataSourceInstance,
  jsonData: Record<string, unknown>,
  secure: Record<string, string>
): PyroscopeAuth {
  const rawType = jsonData.authType;
  const authType =
    rawType === undefined || rawType === null || rawType === ''
      ? instance.basicAuthEnabled
        ? 'basic'
        : 'none'
      : rawType;
  switch (authType) {
    case 'none':
      return { mode: 'none' };
    case 'basic': {
      const user = nonEmptyString(jsonData.basicAuthUser) ?? nonEmptyString(instance.basicAuthUser);
      if (user === undefined) {
        throw new SettingsError(
          'basicAuthUser',
          'Basic authentication is selected: set the Basic auth user (for Grafana Cloud, the numeric Profiles user ID)'
        );
      }
      const password = nonEmptyString(secure.basicAuthPassword);
      if (password === undefined) {
        throw new SettingsError(
          'basicAuthPassword',
          'Basic authentication is selected: set the Basic auth password (for Grafana Cloud, an access policy token with profiles:read)'
        );
      }
      return { mode: 'basic', user, password };
    }
    case 'bearer': {
      const token = nonEmptyString(secure.bearerToken);
      if (token === undefined) {
        throw new SettingsError('bearerToken', 'Bearer token authentication is selected: set the bearer token');
      }
      return { mode: 'bearer', token };
    }
    default:
      throw new SettingsError(
        'authType',
        `Authentication type "${String(authType)}" is unknown: choose none, basic or bearer`
      );
  }
}

function parseTenantId(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) {
    return undefined;
  }
  if (typeof raw !== 'string') {
    throw new SettingsError('tenantId', 'The Tenant ID must be text (sent as X-Scope-OrgID)');
  }
  const tenantId = raw.trim();
  if (tenantId === '') {
    return undefined;
  }
  const valid = tenantId.split('|').every((part) => TENANT_ID.test(part) && part !== '.' && part !== '..');
  if (!valid) {
    throw new SettingsError(
      'tenantId',
      `The Tenant ID "${tenantId}" is not valid: use up to 150 letters, digits and ! - _ . * ' ( ), several tenants joined with |`
    );
  }
  return tenantId;
}

function parseHeaders(
  jsonData: Record<string, unknown>,
  secure: Record<string, string>,
  auth: PyroscopeAuth,
  tenantId: string | undefined
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const key of Object.keys(jsonData)) {
    const match = /^httpHeaderName(\d+)$/.exec(key);
    if (match === null) {
      continue;
    }
    const rawName = jsonData[key];
    const name = typeof rawName === 'string' ? rawName.trim() : '';
    if (name === '') {
      continue;
    }
    const setting = `${key} (custom HTTP header)`;
    if (!HEADER_NAME.test(name)) {
      throw new SettingsError(
        key,
        `The custom HTTP header name "${name}" is not a valid header name (${setting}): use letters, digits and - only`
      );
    }
    const lower = name.toLowerCase();
    if (lower === 'accept-encoding') {
      throw new SettingsError(
        key,
        `Remove the custom HTTP header "${name}": the compression setting (auto, gzip or none) decides it`
      );
    }
    if (RESERVED_HEADERS.has(lower)) {
      throw new SettingsError(key, `Remove the custom HTTP header "${name}": the datasource sets it itself`);
    }
    if (lower === 'authorization' && auth.mode !== 'none') {
      throw new SettingsError(
        key,
        `The custom header "Authorization" conflicts with ${auth.mode} authentication: remove the header or set Authentication to none`
      );
    }
    if (lower === 'x-scope-orgid' && tenantId !== undefined) {
      throw new SettingsError(
        key,
        'The custom header "X-Scope-OrgID" conflicts with the Tenant ID setting: remove one of them'
      );
    }
    if (Object.keys(headers).some((existing) => existing.toLowerCase() === lower)) {
      throw new SettingsError(key, `The custom HTTP header "${name}" is set twice: remove one of them`);
    }
    headers[name] = secure[`httpHeaderValue${match[1]}`] ?? '';
  }
  return headers;
}

function readNumber(
  jsonData: Record<string, unknown>,
  key: string,
  fallback: number,
  valid: (n: number) => boolean,
  allowed: string
): number {
  const raw = jsonData[key];
  if (raw === undefined || raw === null || raw === '') {
    return fallback;
  }
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(value) || !valid(value)) {
    throw new SettingsError(key, `The setting ${key} is ${JSON.stringify(raw)}: set ${allowed}`);
  }
  return value;
}

function parseMinStep(raw: unknown): number {
  const allowed = 'set a duration such as 15s, 1m or 500ms, or a number of seconds, of at least 1ms';
  if (raw === undefined || raw === null || raw === '') {
    return DEFAULT_MIN_STEP_SECONDS;
  }
  let seconds = NaN;
  if (typeof raw === 'number') {
    seconds = raw;
  } else if (typeof raw === 'string') {
    const text = raw.trim();
    if (/^\d+(?:\.\d+)?$/.test(text)) {
      seconds = Number(text);
    } else if (DURATION.test(text)) {
      seconds = 0;
      for (const [, amount, unit] of text.matchAll(DURATION_PART)) {
        seconds += Number(amount) * (UNIT_SECONDS[unit ?? ''] ?? NaN);
      }
    }
  }
  // Pyroscope rejects steps under 1 ms.
  if (!Number.isFinite(seconds) || seconds < 0.001) {
    throw new SettingsError('minStep', `The setting minStep is ${JSON.stringify(raw)}: ${allowed}`);
  }
  return seconds;
}

function parseCompression(raw: unknown): Compression {
  if (raw === undefined || raw === null || raw === '') {
    return 'auto';
  }
  const compression = COMPRESSIONS.find((allowed) => allowed === raw);
  if (compression === undefined) {
    throw new SettingsError(
      'compression',
      `The setting compression is ${JSON.stringify(raw)}: choose auto (gzip only for a remote Pyroscope), gzip or none`
    );
  }
  return compression;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
