import { performance } from 'node:perf_hooks';
import type { LabelPairs } from '../pprof/FlatProfile';
import type { LabelContext } from './LabelContext';
import type { LabelSink } from './LabelSink';
import type { ScopeBatch } from './ScopeBatch';

const MAX_SCOPES_PER_BATCH = 20_000;

/**
 * The label sink of the inspector collector, whose samples carry no context: it records when each label
 * scope (local root span, `withLabels` block) opens and closes, and `ScopeLabeler` joins samples to scopes
 * by time off the main thread. Costs one clock read and one small record per scope.
 */
export class TimelineSink implements LabelSink {
  readonly precision = 'best-effort' as const;
  private nextId = 1;
  private batch: ScopeBatch = { opened: [], closed: [] };
  /** µs on the `process.hrtime` clock = performance.now() µs + this. */
  private readonly offsetUs = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;

  nowUs(): number {
    return performance.now() * 1000 + this.offsetUs;
  }

  open(pairs: LabelPairs, parent: LabelContext | undefined): LabelContext {
    const id = this.nextId++;
    if (this.batch.overflowFromUs === undefined) {
      if (this.batch.opened.length >= MAX_SCOPES_PER_BATCH) {
        this.batch.overflowFromUs = this.nowUs();
      } else {
        const parentId = typeof parent?.handle === 'number' ? parent.handle : 0;
        this.batch.opened.push({ id, parent: parentId, startUs: this.nowUs(), pairs });
      }
    }
    return { pairs, closed: false, handle: id };
  }

  activate(): void {
    // Samples are joined by time; nothing to switch.
  }

  close(context: LabelContext): void {
    if (context.closed) {
      return;
    }
    context.closed = true;
    if (this.batch.closed.length < MAX_SCOPES_PER_BATCH * 2) {
      this.batch.closed.push({ id: context.handle as number, endUs: this.nowUs() });
    } else if (this.batch.overflowFromUs === undefined) {
      this.batch.overflowFromUs = this.nowUs();
    }
  }

  /** Everything recorded since the last call. */
  drain(): ScopeBatch {
    const batch = this.batch;
    this.batch = { opened: [], closed: [] };
    return batch;
  }
}
