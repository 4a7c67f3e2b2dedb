import type { Collector } from '../collect/Collector';
import type { AgentConfig } from '../config/AgentConfig';
import { setActiveSink } from '../labels/activeSink';
import type { Logger } from '../log/Logger';
import type { Uploader } from '../upload/Uploader';
import type { AgentStats } from './AgentStats';

const FIRST_WINDOW_MS = 1000;

/**
 * A running agent: a collector cutting one profile per upload interval and an uploader sending them.
 * Created by `start()`; every method is safe to call at any time and never throws.
 */
export class Agent {
  private timer: NodeJS.Timeout | undefined;
  private stopping: Promise<void> | undefined;
  private started = false;
  private readonly ready: Promise<void>;
  private readonly onStopping: () => void;

  constructor(
    /** The configuration in force (secrets included: do not log it). */
    readonly config: Readonly<AgentConfig>,
    private readonly collector: Collector,
    private readonly uploader: Uploader,
    private readonly log: Logger,
    hooks: { onStarted: () => void; onStopping: () => void }
  ) {
    this.onStopping = hooks.onStopping;
    setActiveSink(collector.sink);
    this.ready = collector.start().then(
      () => {
        this.started = true;
        if (this.stopping === undefined) {
          // The first window is cut after a second: it holds the start-up code (the biggest call tree a
          // process ever has), and ending it costs main-thread time in proportion; better while starting up
          // than later under traffic.
          this.timer = setTimeout(() => {
            this.rotate();
            this.timer = setInterval(() => this.rotate(), config.uploadIntervalMs);
            this.timer.unref();
          }, FIRST_WINDOW_MS);
          this.timer.unref();
          hooks.onStarted();
        }
      },
      (error: unknown) => {
        setActiveSink(undefined);
        this.log.warn(
          `cannot profile this process (${error instanceof Error ? error.message : String(error)}); the app runs on without profiling`
        );
      }
    );
  }

  /** Resolves once sampling has started (or failed to). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  stats(): AgentStats {
    return {
      collector: this.started ? this.collector.kind : 'none',
      spanLabels: this.started ? this.collector.sink.precision : 'off',
      ...this.collector.stats(),
      ...this.uploader.stats(),
    };
  }

  /** Cuts the last window, uploads what is queued within `timeoutMs`, and stops. Idempotent. */
  stop(timeoutMs: number = this.config.exitFlushTimeoutMs): Promise<void> {
    if (this.stopping === undefined) {
      try {
        this.onStopping();
      } catch {
        // keep stopping
      }
      this.stopping = this.shutdown(timeoutMs);
    }
    return this.stopping;
  }

  private rotate(): void {
    try {
      this.collector.rotate();
    } catch (error) {
      this.log.warnOnce(
        'rotate',
        `could not cut a profile window (${error instanceof Error ? error.message : String(error)})`
      );
    }
  }

  private async shutdown(timeoutMs: number): Promise<void> {
    // Holds the process until the flush is done (an in-flight periodic upload does not), at most timeoutMs.
    const hold = setTimeout(() => undefined, timeoutMs);
    try {
      if (this.timer !== undefined) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
      const deadline = Date.now() + timeoutMs;
      await this.ready;
      setActiveSink(undefined);
      if (this.started) {
        // Leave the uploads about half of the time.
        await this.collector.stop(Date.now() + timeoutMs / 2);
      }
      await this.uploader.flush(deadline);
      this.uploader.close();
    } catch (error) {
      this.log.debug(`stop: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(hold);
    }
  }
}
