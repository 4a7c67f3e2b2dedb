import { performance } from 'node:perf_hooks';
import type { NativeTimeProfiler } from '../collect/loadPprofBindings';
import type { LabelContext } from './LabelContext';
import type { LabelSink } from './LabelSink';

const TIME_ORIGIN = performance.timeOrigin;

/**
 * The label sink of the pprof collector: the context object is stored in the current AsyncContextFrame,
 * where the native profiler reads it at every sample, so each sample carries the labels of the async
 * context it was taken in, across `await` and concurrent requests. Its clock is the one of the native
 * profiler's sample timestamps (Unix µs).
 */
export class CpedSink implements LabelSink {
  readonly precision = 'exact' as const;

  constructor(private readonly profiler: NativeTimeProfiler) {}

  open(): void {
    // Nothing to record: each sample carries its context.
  }

  activate(context: LabelContext): void {
    // Writes into the frame that `labelStorage.run()`/`enterWith()` has just created for this context.
    this.profiler.context = context;
  }

  close(context: LabelContext): void {
    if (!context.closed) {
      context.endUs = (TIME_ORIGIN + performance.now()) * 1000;
    }
  }
}
