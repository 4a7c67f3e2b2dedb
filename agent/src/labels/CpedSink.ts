import { performance } from 'node:perf_hooks';
import type { NativeTimeProfiler } from '../collect/loadPprofBindings';
import type { LabelPairs } from '../pprof/FlatProfile';
import type { LabelContext } from './LabelContext';
import type { LabelSink } from './LabelSink';

const TIME_ORIGIN = performance.timeOrigin;

/** When a context was closed, Unix µs (the clock of the native profiler's sample timestamps). */
export type CpedHandle = { closedAtUs: number };

/**
 * The label sink of the pprof collector: the context object is stored in the current AsyncContextFrame,
 * where the native profiler reads it at every sample, so each sample carries the labels of the async
 * context it was taken in, across `await` and concurrent requests.
 */
export class CpedSink implements LabelSink {
  readonly precision = 'exact' as const;

  constructor(private readonly profiler: NativeTimeProfiler) {}

  open(pairs: LabelPairs): LabelContext {
    const handle: CpedHandle = { closedAtUs: Infinity };
    return { pairs, closed: false, handle };
  }

  activate(context: LabelContext): void {
    // Writes into the frame that `labelStorage.run()`/`enterWith()` has just created for this context.
    this.profiler.context = context;
  }

  close(context: LabelContext): void {
    if (!context.closed) {
      context.closed = true;
      (context.handle as CpedHandle).closedAtUs = (TIME_ORIGIN + performance.now()) * 1000;
    }
  }
}
