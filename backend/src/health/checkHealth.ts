import type { CheckHealthResult } from '../plugin/types';
import { PyroscopeError } from '../pyroscope/PyroscopeError';
import type { ProfileQuerier } from '../pyroscope/types';
import type { DatasourceSettings } from '../settings/DatasourceSettings';
import { SettingsError } from '../settings/SettingsError';

const HOUR_MS = 3600_000;

/**
 * "Save & test": asks Pyroscope for the profile types of the last hour, which proves the URL, TLS,
 * credentials, tenant and that the server is a Pyroscope, and tells whether data arrives.
 * `details` is `{ kind, url?, verboseMessage? }`: `kind` is 'ok', 'bad_settings', a PyroscopeError kind or 'internal'.
 */
export async function checkHealth(
  settings: DatasourceSettings | SettingsError,
  querier: ProfileQuerier | undefined,
  signal: AbortSignal,
  nowMs: number = Date.now()
): Promise<CheckHealthResult> {
  if (settings instanceof SettingsError) {
    return { status: 'ERROR', message: settings.message, details: { kind: 'bad_settings', setting: settings.setting } };
  }
  const { url } = settings;
  if (querier === undefined) {
    return {
      status: 'ERROR',
      message: 'The datasource has no Pyroscope client (internal error)',
      details: { kind: 'internal', url },
    };
  }
  try {
    const types = await querier.profileTypes({ startMs: nowMs - HOUR_MS, endMs: nowMs }, signal);
    if (types.length === 0) {
      return {
        status: 'OK',
        message: `Connected to Pyroscope at ${url}, but no profiles were received in the last hour yet; point an agent at ${url}`,
        details: { kind: 'ok', url, profileTypes: 0 },
      };
    }
    const names = [...new Set(types.map((type) => type.name))].sort();
    const count = `${types.length} profile type${types.length === 1 ? '' : 's'}`;
    return {
      status: 'OK',
      message: `Connected to Pyroscope at ${url}: ${count} in the last hour (${names.join(', ')})`,
      details: { kind: 'ok', url, profileTypes: types.length },
    };
  } catch (err) {
    if (err instanceof PyroscopeError) {
      const verboseMessage = describeCause(err);
      return {
        status: 'ERROR',
        message: err.message,
        details: { kind: err.kind, url, ...(verboseMessage === undefined ? {} : { verboseMessage }) },
      };
    }
    const message = err instanceof Error ? err.message : String(err);
    return {
      status: 'ERROR',
      message: `Health check failed inside the datasource: ${message}`,
      details: { kind: 'internal', url },
    };
  }
}

/** The technical reason beneath the advice (socket code, HTTP answer), for the expandable details. */
function describeCause(err: PyroscopeError): string | undefined {
  const parts: string[] = [];
  if (err.httpStatus !== undefined) {
    parts.push(`HTTP status ${err.httpStatus}`);
  }
  // fetch wraps the socket error one level down: TypeError('fetch failed', { cause }). Errors made inside
  // Node's own fetch belong to another realm, so they are recognised by shape, not with instanceof.
  let cause: unknown = err.cause;
  for (let depth = 0; depth < 3 && typeof cause === 'object' && cause !== null; depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof message === 'string') {
      parts.push(typeof code === 'string' ? `${code}: ${message}` : message);
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return parts.length === 0 ? undefined : parts.join('; ');
}
