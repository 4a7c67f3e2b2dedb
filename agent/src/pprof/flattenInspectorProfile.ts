import type { FlatProfile, LabelPairs } from './FlatProfile';
import type { FrameTable } from './FrameTable';
import type { InspectorProfile } from './InspectorProfile';
import { SampleAggregator } from './SampleAggregator';
import { STEP, type Steps } from './runSteps';

export type FlattenOptions = {
  /** Unix ms of the profile's `startTime`. */
  startMs: number;
  periodNanos: number;
  /** Label set per sample (index into `labelSets`), or undefined when nothing is labelled. */
  sampleLabelSets?: Int32Array;
  labelSets?: LabelPairs[];
};

/** Sample times, microseconds on the profile's clock. */
export function sampleTimes(profile: InspectorProfile): Float64Array {
  const deltas = profile.timeDeltas ?? [];
  const times = new Float64Array(deltas.length);
  let t = profile.startTime;
  for (let i = 0; i < deltas.length; i++) {
    t += deltas[i]!;
    times[i] = t;
  }
  return times;
}

/**
 * A V8 CPU profile as a `FlatProfile`. `(root)` and `(idle)` are dropped; `(program)` (time in V8 or native
 * code not attributed to JS) and `(garbage collector)` stay as frames of their own under the root, because
 * they are CPU the process really spent. Each sample weighs the time until the next sample (the last one:
 * until the profile's end, at most two periods), so the total matches the time actually sampled.
 */
export function* flattenInspectorProfile(
  profile: InspectorProfile,
  frames: FrameTable,
  options: FlattenOptions
): Steps<FlatProfile> {
  const nodes = profile.nodes;
  let maxId = 0;
  for (const node of nodes) {
    maxId = Math.max(maxId, node.id);
  }
  const indexOfId = new Int32Array(maxId + 1).fill(-1);
  for (let index = 0; index < nodes.length; index++) {
    indexOfId[nodes[index]!.id] = index;
  }
  const nodeParent = new Int32Array(nodes.length).fill(-1);
  for (let index = 0; index < nodes.length; index++) {
    if (index % (STEP * 4) === STEP * 4 - 1) {
      yield;
    }
    for (const child of nodes[index]!.children ?? []) {
      const childIndex = indexOfId[child] ?? -1;
      if (childIndex >= 0) {
        nodeParent[childIndex] = index;
      }
    }
  }

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const maxLast = (options.periodNanos / 1000) * 2;
  const labels = options.sampleLabelSets;
  const labelSets = options.labelSets ?? [[]];
  const aggregate = new SampleAggregator(labelSets.length);
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    if (i % (STEP * 4) === STEP * 4 - 1) {
      yield;
    }
    t += deltas[i] ?? 0;
    const index = indexOfId[samples[i]!] ?? -1;
    if (index < 0 || isPseudo(nodes[index]!.callFrame, '(idle)') || isPseudo(nodes[index]!.callFrame, '(root)')) {
      continue;
    }
    const next = i + 1 < deltas.length ? deltas[i + 1]! : Math.min(maxLast, profile.endTime - t);
    aggregate.add(index, labels?.[i] ?? 0, 1, Math.max(0, next) * 1000);
  }

  // Frames only for the nodes on sampled stacks (most nodes of a V8 profile carry no samples of their own).
  const nodeFrame = new Int32Array(nodes.length).fill(-1);
  for (let s = 0; s < aggregate.sampleNode.length; s++) {
    if (s % STEP === STEP - 1) {
      yield;
    }
    for (let index = aggregate.sampleNode[s]!; index >= 0 && nodeFrame[index] === -1; index = nodeParent[index]!) {
      const frame = nodes[index]!.callFrame;
      nodeFrame[index] = isPseudo(frame, '(root)')
        ? 0
        : frames.idOf(frame.scriptId, frame.functionName, frame.url, frame.lineNumber + 1, frame.columnNumber + 1);
    }
  }
  return {
    nodeFrame,
    nodeParent,
    sampleNode: aggregate.sampleNode,
    sampleLabelSet: aggregate.sampleLabelSet,
    sampleCount: aggregate.sampleCount,
    sampleNanos: aggregate.sampleNanos,
    labelSets,
    startMs: options.startMs,
    durationNanos: Math.max(0, profile.endTime - profile.startTime) * 1000,
    periodNanos: options.periodNanos,
  };
}

function isPseudo(frame: InspectorProfile['nodes'][number]['callFrame'], name: string): boolean {
  return frame.url === '' && frame.functionName === name;
}
