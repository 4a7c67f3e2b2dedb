import type { AgentConfig } from '../config/AgentConfig';
import type { Logger } from '../log/Logger';
import { buildIngestRequest, type IngestRequest } from './buildIngestRequest';
import type { IngestProfile } from './IngestProfile';
import { postOnce } from './postOnce';
import type { PostResult } from './PostResult';
import type { UploadStats } from './UploadStats';

export type UploaderOptions = {
  /** Delay before the first retry; doubles per attempt up to `maxBackoffMs`, with jitter. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  post?: (request: IngestRequest, timeoutMs: number, hold: boolean) => Promise<PostResult>;
};

type Entry = { profile: IngestProfile; attempts: number };

/**
 * A bounded FIFO of profiles, sent one at a time. 5xx, 429, timeouts and network errors are retried with
 * exponential backoff and jitter; other 4xx drop the profile. A full queue drops its oldest profile.
 * Every problem is reported once (then at debug level); nothing is ever thrown to the caller.
 */
export class Uploader {
  private readonly queue: Entry[] = [];
  private sending = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private failing = false;
  private readonly counters = { uploaded: 0, bytesUploaded: 0, retries: 0, droppedQueueFull: 0, rejected: 0 };
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly random: () => number;
  private readonly post: NonNullable<UploaderOptions['post']>;
  private idle: Array<() => void> = [];

  constructor(
    private readonly config: AgentConfig,
    private readonly log: Logger,
    options: UploaderOptions = {}
  ) {
    this.baseBackoffMs = options.baseBackoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.random = options.random ?? Math.random;
    this.post = options.post ?? postOnce;
  }

  stats(): UploadStats {
    return { ...this.counters, queued: this.queue.length };
  }

  enqueue(profile: IngestProfile): void {
    if (this.queue.length >= this.config.maxQueuedProfiles) {
      // The head may be in flight; drop the oldest one that is not.
      const index = this.sending && this.queue.length > 1 ? 1 : 0;
      this.queue.splice(index, 1);
      this.counters.droppedQueueFull++;
      this.log.debug(`upload queue full (${this.config.maxQueuedProfiles}); dropped the oldest profile`);
    }
    this.queue.push({ profile, attempts: 0 });
    if (this.retryTimer === undefined) {
      void this.pump(false, this.config.uploadTimeoutMs);
    }
  }

  /** Sends what is queued now, ignoring backoff, until the queue is empty or `deadlineMs` (epoch ms) passes. */
  async flush(deadlineMs: number): Promise<void> {
    if (this.retryTimer !== undefined) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    // An upload in flight (a periodic one: its timeout is the upload timeout, up to 10 s) is waited for only
    // until the deadline, so a hung server cannot hold SIGTERM past the exit flush timeout.
    while (this.sending) {
      const left = deadlineMs - Date.now();
      if (left <= 0) {
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.idle.push(resolve)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, left);
        }),
      ]);
      clearTimeout(timer);
    }
    while (this.queue.length > 0) {
      const left = deadlineMs - Date.now();
      if (left < 50) {
        return;
      }
      const before = this.queue.length;
      await this.pump(true, Math.min(this.config.uploadTimeoutMs, left));
      if (this.retryTimer !== undefined) {
        clearTimeout(this.retryTimer);
        this.retryTimer = undefined;
      }
      if (this.queue.length >= before && this.failing) {
        return; // the server is not taking it; do not hold the exit any longer
      }
    }
  }

  /** Stops retrying; what is still queued is dropped. */
  close(): void {
    if (this.retryTimer !== undefined) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
  }

  private async pump(finalFlush: boolean, timeoutMs: number): Promise<void> {
    if (this.sending) {
      return;
    }
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        const entry = this.queue[0]!;
        const outcome = await this.attempt(entry, timeoutMs, finalFlush);
        if (outcome === 'retry') {
          if (!finalFlush) {
            entry.attempts++;
            this.scheduleRetry(entry.attempts);
          }
          return;
        }
        if (this.queue[0] === entry) {
          this.queue.shift();
        }
        if (finalFlush) {
          return;
        }
      }
    } finally {
      this.sending = false;
      const waiting = this.idle;
      this.idle = [];
      waiting.forEach((resolve) => resolve());
    }
  }

  private async attempt(entry: Entry, timeoutMs: number, hold: boolean): Promise<'done' | 'retry'> {
    let request: IngestRequest;
    try {
      request = buildIngestRequest(this.config, entry.profile);
    } catch (error) {
      this.log.warnOnce('build', `could not build an upload: ${describeError(error)}; dropping the profile`);
      return 'done';
    }
    const server = `${request.url.origin}${request.url.pathname}`;
    let result: PostResult;
    try {
      result = await this.post(request, timeoutMs, hold);
    } catch (error) {
      this.counters.retries++;
      this.failing = true;
      this.log.warnOnce(
        'unreachable',
        `cannot upload to ${server} (${describeError(error)}); retrying with backoff, keeping at most ` +
          `${this.config.maxQueuedProfiles} profiles`
      );
      return 'retry';
    }
    const { status, message } = result;
    if (status >= 200 && status < 300) {
      this.counters.uploaded++;
      this.counters.bytesUploaded += request.body.length;
      if (this.failing) {
        this.failing = false;
        if (this.log.forget('unreachable')) {
          this.log.info(`uploads to ${server} work again`);
        }
      }
      return 'done';
    }
    if (status === 429 || status >= 500) {
      this.counters.retries++;
      this.failing = true;
      this.log.warnOnce(
        'unreachable',
        `Pyroscope at ${server} answered HTTP ${status}${message ? ` (${message})` : ''}; retrying with backoff, ` +
          `keeping at most ${this.config.maxQueuedProfiles} profiles`
      );
      return 'retry';
    }
    this.counters.rejected++;
    if (status === 401 || status === 403) {
      this.log.warnOnce(
        'credentials',
        `Pyroscope refused the credentials (HTTP ${status}) — check PYROSCOPE_AUTH_TOKEN / ` +
          'PYROSCOPE_BASIC_AUTH_USER / PYROSCOPE_BASIC_AUTH_PASSWORD (and PYROSCOPE_TENANT_ID for multi-tenant ' +
          'Pyroscope); profiles are dropped until it accepts them'
      );
    } else {
      this.log.warnOnce(
        `status-${status}`,
        `Pyroscope rejected a profile with HTTP ${status}${message ? ` (${message})` : ''}; dropping it`
      );
    }
    return 'done';
  }

  private scheduleRetry(attempts: number): void {
    const ceiling = Math.min(this.maxBackoffMs, this.baseBackoffMs * 2 ** Math.min(attempts - 1, 20));
    const delay = Math.round(ceiling * (0.5 + this.random() * 0.5));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.pump(false, this.config.uploadTimeoutMs);
    }, delay);
    this.retryTimer.unref();
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== undefined ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
