import type { LabelContext } from './LabelContext';

/**
 * A stretch of time in which one outermost context (a local root span, or a `withLabels` block outside any)
 * was the only one open, so samples in it may carry its labels. µs on the `process.hrtime` clock.
 */
export type SoloStretch = {
  readonly root: LabelContext;
  readonly fromUs: number;
  /** Infinity while it lasts. */
  untilUs: number;
};

/** What the timeline recorded since the last batch, in time order. */
export type ScopeBatch = {
  /** Stretches that began since the last batch (the last may still be going on). */
  stretches: SoloStretch[];
  /** Contexts opened inside another one (`withLabels` blocks within a span or block). */
  nested: LabelContext[];
  /** Too many contexts to track in a window: no sample after this time is labelled. */
  overflowFromUs?: number;
};
