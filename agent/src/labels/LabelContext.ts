import type { LabelPairs } from '../pprof/FlatProfile';

/**
 * What samples taken in an async context are labelled with: the merged labels of every enclosing
 * `withLabels` block and local root span. Collectors attach their own bookkeeping through `handle`.
 */
export type LabelContext = {
  /** Merged labels, sorted by key; never mutated. */
  readonly pairs: LabelPairs;
  /** Set when the block or span is over: samples after it must not carry these labels. */
  closed: boolean;
  /** Collector-specific (a timeline scope, or the time of closing). */
  handle: unknown;
};
