import { errorMessage } from './errorMessage';

/** Key/value pairs that go beside the message; Grafana shows them on its own log line. */
export type LogFields = Record<string, unknown>;

/** The backend's logger; every part of the backend logs through it. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type HclogLoggerOptions = {
  /** Where each line goes; stderr by default (stdout belongs to the handshake). */
  write?: (line: string) => void;
  now?: () => Date;
};

type Level = 'debug' | 'info' | 'warn' | 'error';

const RESERVED_KEYS = new Set(['@level', '@message', '@timestamp']);

/**
 * A logger writing one hclog JSON object per line, the format go-plugin parses from a plugin's stderr:
 * `@level`, `@message`, `@timestamp` and the fields as further keys. It never throws.
 */
export function createHclogLogger(options: HclogLoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? (() => new Date());

  const log = (level: Level, message: string, fields?: LogFields): void => {
    try {
      write(`${hclogLine(level, message, fields, now())}\n`);
    } catch {
      // Logging must never take a request down; a failing stderr has nowhere to report to.
    }
  };

  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  };
}

function hclogLine(level: Level, message: string, fields: LogFields | undefined, time: Date): string {
  const head = { '@level': level, '@message': String(message), '@timestamp': hclogTimestamp(time) };
  try {
    const record: Record<string, unknown> = { ...head };
    for (const [key, value] of Object.entries(fields ?? {})) {
      record[RESERVED_KEYS.has(key) ? `_${key.slice(1)}` : key] = value;
    }
    return JSON.stringify(record, jsonSafeReplacer());
  } catch (error) {
    return JSON.stringify({ ...head, log_error: `the log fields could not be written: ${errorMessage(error)}` });
  }
}

/**
 * Go layout 2006-01-02T15:04:05.000000Z07:00: go-plugin rejects any other number of fractional digits,
 * and JavaScript dates carry milliseconds only.
 */
function hclogTimestamp(time: Date): string {
  const iso = Number.isNaN(time.getTime()) ? new Date().toISOString() : time.toISOString();
  return iso.replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Errors as their message, bigints as text, repeated or circular objects as a marker. */
function jsonSafeReplacer(): (key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>();
  return (_key, value) => {
    if (typeof value === 'bigint') {
      return value.toString();
    }
    if (value instanceof Error) {
      return value.message;
    }
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) {
        return '[Circular]';
      }
      seen.add(value);
    }
    return value;
  };
}
