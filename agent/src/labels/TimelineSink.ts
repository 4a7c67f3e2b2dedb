import { performance } from 'node:perf_hooks';
import type { LabelContext } from './LabelContext';
import type { LabelSink } from './LabelSink';
import type { ScopeBatch, SoloStretch } from './ScopeBatch';

const MAX_RECORDS_PER_BATCH = 20_000;

/** An outermost context open this long is treated as leaked (a span never ended) and labels nothing more. */
export const MAX_OPEN_US = 5 * 60 * 1_000_000;

/**
 * The label sink of the inspector collector, whose samples carry no context: `ScopeLabeler` later joins
 * samples to contexts by time. A sample can only carry labels when one outermost context (a request's
 * span) was the only one open at that instant, so the sink keeps just those stretches, plus the contexts
 * nested in another; a request that overlapped others all its life leaves nothing behind (most of them, in
 * a service whose requests overlap while they wait on I/O).
 */
export class TimelineSink implements LabelSink {
  readonly precision = 'best-effort' as const;
  private batch: ScopeBatch = { stretches: [], nested: [] };
  private readonly openRoots = new Set<LabelContext>();
  private stretch: SoloStretch | undefined;
  /** Now, µs on the `process.hrtime` clock. */
  readonly nowUs: () => number;

  /** `nowUs` replaces the clock in tests. */
  constructor(nowUs?: () => number) {
    // performance.now() is cheaper to read than hrtime, and as monotonic.
    const offsetUs = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;
    this.nowUs = nowUs ?? (() => performance.now() * 1000 + offsetUs);
  }

  open(context: LabelContext): void {
    const now = this.nowUs();
    context.startUs = now;
    if (context.parent === undefined) {
      this.openRoots.add(context);
      this.restretch(now);
    } else {
      this.record(this.batch.nested, context, now);
    }
  }

  activate(): void {
    // Samples are joined by time; nothing to switch.
  }

  close(context: LabelContext): void {
    if (context.closed) {
      return;
    }
    const now = this.nowUs();
    context.endUs = now;
    if (this.openRoots.delete(context)) {
      this.restretch(now);
    }
  }

  /** Everything recorded since the last call. */
  drain(): ScopeBatch {
    const now = this.nowUs();
    for (const root of this.openRoots) {
      if (now - root.startUs > MAX_OPEN_US) {
        this.openRoots.delete(root);
      }
    }
    this.restretch(now);
    const batch = this.batch;
    this.batch = { stretches: [], nested: [] };
    return batch;
  }

  /** Ends the current stretch and begins the next one when the set of open outermost contexts changed. */
  private restretch(now: number): void {
    const only = this.openRoots.size === 1 ? this.openRoots.values().next().value : undefined;
    if (this.stretch?.root === only) {
      return;
    }
    if (this.stretch !== undefined) {
      this.stretch.untilUs = now;
      this.stretch = undefined;
    }
    if (only !== undefined) {
      const stretch: SoloStretch = { root: only, fromUs: now, untilUs: Infinity };
      if (this.record(this.batch.stretches, stretch, now)) {
        this.stretch = stretch;
      }
    }
  }

  private record<T>(list: T[], item: T, now: number): boolean {
    if (this.batch.overflowFromUs !== undefined) {
      return false;
    }
    if (list.length >= MAX_RECORDS_PER_BATCH) {
      this.batch.overflowFromUs = now;
      return false;
    }
    list.push(item);
    return true;
  }
}
