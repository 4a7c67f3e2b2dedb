/** Label pairs of one label set; set 0 is always the empty set. */
export type LabelPairs = Array<[string, string]>;

/**
 * One window of CPU samples in a form both collectors produce and the encoder reads: a call tree as parallel
 * arrays (node → frame id in a `FrameTable`, node → parent node) and samples aggregated by (node, label set).
 */
export type FlatProfile = {
  /** Frame id per node; 0 for the root and -1 for nodes on no sampled stack (neither is emitted). */
  nodeFrame: Int32Array;
  /** Parent node index per node, -1 at the top. */
  nodeParent: Int32Array;
  sampleNode: number[];
  sampleLabelSet: number[];
  sampleCount: number[];
  sampleNanos: number[];
  labelSets: LabelPairs[];
  /** Window start, Unix ms. */
  startMs: number;
  durationNanos: number;
  periodNanos: number;
};
