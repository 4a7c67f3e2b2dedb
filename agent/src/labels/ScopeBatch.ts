import type { LabelPairs } from '../pprof/FlatProfile';

/** Label scopes opened and closed on the main thread since the last batch (times: µs, `process.hrtime` clock). */
export type ScopeBatch = {
  opened: Array<{ id: number; parent: number; startUs: number; pairs: LabelPairs }>;
  closed: Array<{ id: number; endUs: number }>;
  /** Too many scopes to track in a window: no sample after this time is labelled. */
  overflowFromUs?: number;
};
