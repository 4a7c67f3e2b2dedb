import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { CpedSink } from '../labels/CpedSink';
import type { Logger } from '../log/Logger';
import { flattenTimeProfile } from '../pprof/flattenTimeProfile';
import { FrameTable } from '../pprof/FrameTable';
import type { Collector, CollectorStats, OnProfile } from './Collector';
import type { NativeTimeProfiler, PprofBindings } from './loadPprofBindings';
import { WindowEncoder } from './WindowEncoder';

/**
 * Native profilers by settings, kept for the life of the process and started again by later collectors (the
 * agent stopped and started anew). The contexts a profiler writes into async context frames outlive its stop
 * in requests still running or kept; @datadog/pprof 5.20 corrupts V8's global handles when they are collected
 * after their profiler was (V8 "Check failed: node->IsInUse()", the app dies within seconds of `stop()` under
 * load), so a profiler must never become garbage.
 */
const nativeProfilers = new Map<string, NativeTimeProfiler>();

/**
 * `@datadog/pprof`'s native time profiler: V8's CPU profiler plus a signal handler that records the async
 * context of every sample. Windows overlap (`stop(restart)` starts the next profile first); the finished
 * window is flattened and encoded in later macrotasks (`WindowEncoder`).
 */
export class PprofCollector implements Collector {
  readonly kind = 'pprof' as const;
  readonly sink: CpedSink;
  private readonly profiler: NativeTimeProfiler;
  private readonly frames = new FrameTable();
  private readonly encoder: WindowEncoder;
  private running = false;
  private windowStartMs = 0;
  private readonly intervalMicros: number;
  private readonly onExit = (): void => {
    // A profiling signal arriving while Node tears down can crash it.
    this.halt();
  };

  constructor(
    sampleRate: number,
    uploadIntervalMs: number,
    bindings: PprofBindings,
    onProfile: OnProfile,
    log: Logger
  ) {
    this.intervalMicros = Math.round(1_000_000 / sampleRate);
    // Sizes the per-sample context buffer (2 × duration / interval): room for twice a window's samples.
    // Unlabelled (never mislabelled) samples if it fills up; bounded to ~60 000 entries.
    const durationMillis = Math.min(uploadIntervalMs, 30 * this.intervalMicros);
    const key = `${this.intervalMicros}/${durationMillis}`;
    let profiler = nativeProfilers.get(key);
    if (profiler === undefined) {
      profiler = new bindings.TimeProfiler({
        intervalMicros: this.intervalMicros,
        durationMillis,
        lineNumbers: false,
        withContexts: true,
        // The workaround sleeps until the next signal on every rotation (a loop stall of up to two periods).
        workaroundV8Bug: false,
        collectCpuTime: false,
        collectAsyncId: false,
        useCPED: true,
        CPEDKey: new AsyncLocalStorage(),
        isMainThread: true,
      });
      nativeProfilers.set(key, profiler);
    }
    this.profiler = profiler;
    this.sink = new CpedSink(this.profiler);
    this.encoder = new WindowEncoder(this.frames, onProfile, log);
  }

  async start(): Promise<void> {
    this.windowStartMs = Date.now();
    this.profiler.start();
    this.running = true;
    process.once('exit', this.onExit);
  }

  rotate(): void {
    if (this.running) {
      const started = performance.now();
      this.cut(true);
      this.encoder.noteRotation(performance.now() - started);
    }
  }

  async stop(deadlineMs: number): Promise<void> {
    if (!this.running) {
      return;
    }
    process.removeListener('exit', this.onExit);
    this.cut(false);
    this.running = false;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.encoder.idle(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.max(0, deadlineMs - Date.now()));
      }),
    ]);
    clearTimeout(timer);
  }

  stats(): CollectorStats {
    return { ...this.encoder.counters };
  }

  private cut(restart: boolean): void {
    const profile = this.profiler.stop(restart);
    const untilMs = Date.now();
    const startMs = this.windowStartMs;
    this.windowStartMs = untilMs;
    const intervalMicros = this.intervalMicros;
    this.encoder.submit({
      startMs,
      untilMs,
      flatten: () => flattenTimeProfile(profile, this.frames, { startMs, intervalMicros }),
    });
  }

  private halt(): void {
    if (this.running) {
      this.running = false;
      try {
        this.profiler.stop(false);
      } catch {
        // already stopped
      }
    }
  }
}
