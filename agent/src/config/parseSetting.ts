import type { CollectorKind, LogLevel } from './AgentConfig';

/** A setting's value, or what would have been allowed. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; allowed: string };

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];
const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const COLLECTORS: CollectorKind[] = ['auto', 'inspector', 'pprof'];
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const TAG_KEY = /^[A-Za-z0-9_.]+$/;
const TAG_VALUE_FORBIDDEN = /[,{}]/;
const TENANT = /^[A-Za-z0-9!\-_.*'()]{1,150}$/;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(allowed: string): Parsed<T> => ({ ok: false, allowed });

/** Validators for each setting; each takes the raw value (an environment string or a `start()` option). */
export const parseSetting = {
  enabled(raw: unknown): Parsed<boolean> {
    if (typeof raw === 'boolean') {
      return ok(raw);
    }
    const text = String(raw).trim().toLowerCase();
    if (TRUE.includes(text)) {
      return ok(true);
    }
    if (FALSE.includes(text)) {
      return ok(false);
    }
    return bad(`true/false (also 1/0, yes/no, on/off)`);
  },

  serverAddress(raw: unknown): Parsed<string> {
    const allowed = 'an http:// or https:// URL, e.g. http://localhost:4040';
    if (typeof raw !== 'string' || raw.trim() === '') {
      return bad(allowed);
    }
    try {
      const url = new URL(raw.trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return bad(allowed);
      }
      url.search = '';
      url.hash = '';
      return ok(url.toString().replace(/\/+$/, ''));
    } catch {
      return bad(allowed);
    }
  },

  sampleRate(raw: unknown): Parsed<number> {
    const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
    if (String(raw).trim() === '' || !Number.isInteger(value) || value < 1 || value > 1000) {
      return bad('a whole number of samples per second from 1 to 1000');
    }
    return ok(value);
  },

  uploadInterval(raw: unknown): Parsed<number> {
    const allowed = 'a duration from 1s to 10m, e.g. 10s, 10 (seconds), 1m or 15000ms';
    let ms: number;
    if (typeof raw === 'number') {
      ms = raw;
    } else {
      const match = DURATION.exec(String(raw).trim());
      if (!match) {
        return bad(allowed);
      }
      ms = Number(match[1]) * UNIT_MS[(match[2] ?? 's').toLowerCase()]!;
    }
    if (!Number.isFinite(ms) || ms < 1000 || ms > 600_000) {
      return bad(allowed);
    }
    return ok(Math.round(ms));
  },

  logLevel(raw: unknown): Parsed<LogLevel> {
    const text = String(raw).trim().toLowerCase() as LogLevel;
    return LOG_LEVELS.includes(text) ? ok(text) : bad(LOG_LEVELS.join(', '));
  },

  collector(raw: unknown): Parsed<CollectorKind> {
    const text = String(raw).trim().toLowerCase() as CollectorKind;
    return COLLECTORS.includes(text) ? ok(text) : bad(COLLECTORS.join(', '));
  },

  tenantId(raw: unknown): Parsed<string> {
    const text = String(raw).trim();
    return TENANT.test(text) && text !== '.' && text !== '..'
      ? ok(text)
      : bad("1–150 characters from A-Z a-z 0-9 ! - _ . * ' ( )");
  },

  secret(raw: unknown): Parsed<string> {
    return typeof raw === 'string' && raw.length > 0 ? ok(raw) : bad('a non-empty string');
  },

  /** It goes into a header as it is, so a line break (often left over from a secret file) must not. */
  bearerToken(raw: unknown): Parsed<string> {
    const text = typeof raw === 'string' ? raw.trim() : '';
    return /^[\x21-\x7e]+$/.test(text) ? ok(text) : bad('a token of printable ASCII characters without spaces');
  },

  applicationName(raw: unknown): Parsed<string> {
    const text = typeof raw === 'string' ? raw.trim() : '';
    return /^[A-Za-z0-9_.\-/]+$/.test(text) ? ok(text) : bad('letters, digits and _ . - / (e.g. checkout-api)');
  },

  positiveInteger(raw: unknown): Parsed<number> {
    return typeof raw === 'number' && Number.isInteger(raw) && raw > 0 ? ok(raw) : bad('a positive whole number');
  },

  /**
   * `k=v,k=v`. Valid pairs are kept even when others are not; `bad` lists the rejected pairs.
   * Keys: letters, digits, `_` and `.` (no leading `__`); values: no `,` `{` `}` (Pyroscope's `name` syntax).
   */
  tags(raw: unknown): { tags: Record<string, string>; rejected: string[] } {
    const tags: Record<string, string> = {};
    const rejected: string[] = [];
    const entries: Array<[string, unknown]> =
      typeof raw === 'string'
        ? raw
            .split(',')
            .filter((part) => part.trim() !== '')
            .map((part) => {
              const eq = part.indexOf('=');
              return eq < 0 ? [part.trim(), undefined] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
            })
        : raw !== null && typeof raw === 'object'
          ? Object.entries(raw as Record<string, unknown>)
          : [];
    for (const [key, value] of entries) {
      const text = typeof value === 'number' ? String(value) : value;
      if (
        !TAG_KEY.test(key) ||
        key.startsWith('__') ||
        typeof text !== 'string' ||
        text === '' ||
        TAG_VALUE_FORBIDDEN.test(text)
      ) {
        rejected.push(text === undefined ? key : `${key}=${String(text)}`);
        continue;
      }
      tags[key] = text;
    }
    return { tags, rejected };
  },
};

/** Makes a derived value usable in Pyroscope's `name` (app name or tag value). */
export function sanitizeName(text: string, allowed: RegExp): string {
  return text.replace(/^@/, '').replace(allowed, '_');
}
