import type { LogLevel } from '../config/AgentConfig';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const PREFIX = 'pyroscope-agent:';

/** Lines on stderr with a prefix; `warnOnce` says a recurring problem once. Never throws. */
export class Logger {
  private readonly said = new Set<string>();

  constructor(
    private level: LogLevel,
    private readonly write: (line: string) => void = writeStderr
  ) {}

  setLevel(level: LogLevel): void {
    this.level = level;
  }

  debug(message: string): void {
    this.log('debug', message);
  }

  info(message: string): void {
    this.log('info', message);
  }

  warn(message: string): void {
    this.log('warn', message);
  }

  error(message: string): void {
    this.log('error', message);
  }

  /** Warns the first time `key` is seen, then only at debug level. */
  warnOnce(key: string, message: string): void {
    if (this.said.has(key)) {
      this.debug(message);
      return;
    }
    this.said.add(key);
    this.warn(message);
  }

  /** Forgets a `warnOnce` key, so the problem is reported again if it comes back. */
  forget(key: string): boolean {
    return this.said.delete(key);
  }

  private log(level: LogLevel, message: string): void {
    if (RANK[level] < RANK[this.level]) {
      return;
    }
    const tag = level === 'info' ? '' : ` ${level}:`;
    try {
      this.write(`${PREFIX}${tag} ${message}\n`);
    } catch {
      // stderr closed: nothing useful left to do
    }
  }
}

function writeStderr(line: string): void {
  process.stderr.write(line);
}
