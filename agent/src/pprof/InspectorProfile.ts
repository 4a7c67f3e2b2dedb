/** The parts of `node:inspector`'s `Profiler.Profile` the agent reads. */
export type InspectorProfile = {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; scriptId: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  /** Microseconds on the monotonic clock of `process.hrtime()`. */
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
};
