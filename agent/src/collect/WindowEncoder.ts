import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Logger } from '../log/Logger';
import { encodeCpuProfile } from '../pprof/encodeCpuProfile';
import type { FlatProfile } from '../pprof/FlatProfile';
import type { FrameTable } from '../pprof/FrameTable';
import type { Steps } from '../pprof/runSteps';
import type { CollectorStats, OnProfile } from './Collector';

/** A finished window: the steps that flatten it, run later in macrotasks of their own. */
export type WindowJob = { startMs: number; untilMs: number; flatten: () => Steps<FlatProfile> };

/** Main-thread time one macrotask of conversion may take before it yields to the app. */
const SLICE_MS = 2;

/**
 * Turns finished windows into gzip'ed pprof on the main thread without stalling it: flattening and encoding
 * run as steps spread over macrotasks of at most ~2 ms each, then gzip (about a millisecond for a window's
 * tens of KB; synchronous, so no thread pool and its memory). One window at a time, in order. Keeps the
 * main-thread time it spends in its counters.
 */
export class WindowEncoder {
  readonly counters: CollectorStats = {
    profiles: 0,
    samples: 0,
    lastRotationMs: 0,
    maxRotationMs: 0,
    lastEncodeMs: 0,
    maxStepMs: 0,
    errors: 0,
  };
  private chain: Promise<void> = Promise.resolve();
  private spent = 0;

  constructor(
    private readonly frames: FrameTable,
    private readonly onProfile: OnProfile,
    private readonly log: Logger
  ) {}

  noteRotation(ms: number): void {
    this.counters.lastRotationMs = ms;
    this.counters.maxRotationMs = Math.max(this.counters.maxRotationMs, ms);
  }

  submit(job: WindowJob): void {
    this.chain = this.chain.then(() => this.process(job));
  }

  /** Resolves when every submitted window has been delivered. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async process(job: WindowJob): Promise<void> {
    try {
      this.spent = 0;
      const flat = await this.run(job.flatten());
      const raw = await this.run(encodeCpuProfile(flat, this.frames));
      this.frames.trim();
      await nextMacrotask();
      const gzipped = this.timed(() => gzipSync(raw));
      const samples = flat.sampleCount.reduce((sum, count) => sum + count, 0);
      this.counters.profiles++;
      this.counters.samples += samples;
      this.counters.lastEncodeMs = this.spent;
      if (samples > 0) {
        this.onProfile({ gzipped, fromMs: job.startMs, untilMs: job.untilMs, samples });
      }
    } catch (error) {
      this.counters.errors++;
      this.log.warnOnce(
        'convert',
        `could not convert a CPU profile (${error instanceof Error ? error.message : String(error)}); that window is skipped`
      );
    }
  }

  /** Runs steps in slices of about SLICE_MS, each in its own macrotask. */
  private async run<T>(steps: Steps<T>): Promise<T> {
    for (;;) {
      await nextMacrotask();
      const started = performance.now();
      let next = steps.next();
      while (next.done !== true && performance.now() - started < SLICE_MS) {
        next = steps.next();
      }
      this.note(performance.now() - started);
      if (next.done === true) {
        return next.value;
      }
    }
  }

  private timed<T>(work: () => T): T {
    const started = performance.now();
    const result = work();
    this.note(performance.now() - started);
    return result;
  }

  private note(ms: number): void {
    this.spent += ms;
    this.counters.maxStepMs = Math.max(this.counters.maxStepMs, ms);
  }
}

function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
