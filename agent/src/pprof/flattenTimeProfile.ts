import type { TimeProfile, TimeProfileNode } from '../collect/loadPprofBindings';
import { LabelContext } from '../labels/LabelContext';
import type { FlatProfile, LabelPairs } from './FlatProfile';
import type { FrameTable } from './FrameTable';
import { SampleAggregator } from './SampleAggregator';
import { STEP, type Steps } from './runSteps';

/**
 * A `@datadog/pprof` time profile as a `FlatProfile`, with the same frame rules as the inspector path
 * (`(root)`, `(idle)` dropped; `(program)`, `(garbage collector)` kept). A sample is labelled with the
 * context the profiler read at that instant, unless that span or block had already ended by then.
 * Each sample weighs the profile's mean sampling interval (V8 samples a little late, not exactly every period).
 */
export function* flattenTimeProfile(
  profile: TimeProfile,
  frames: FrameTable,
  options: { startMs: number; intervalMicros: number }
): Steps<FlatProfile> {
  const nodes: TimeProfileNode[] = [];
  const nodeParent: number[] = [];
  const labelSets: LabelPairs[] = [[]];
  const setOf = new Map<LabelContext, number>();
  // (node, label set, hits) triples; weights need the total hit count, known only at the end.
  const hits: number[] = [];
  let totalHits = 0;

  const stack: Array<[TimeProfileNode, number]> = [[profile.topDownRoot, -1]];
  let visited = 0;
  while (stack.length > 0) {
    if (++visited % STEP === 0) {
      yield;
    }
    const [node, parent] = stack.pop()!;
    totalHits += node.hitCount;
    if (node.scriptName === '' && node.name === '(idle)') {
      continue;
    }
    const index = nodes.length;
    const isRoot = parent === -1;
    nodes.push(node);
    nodeParent.push(parent);
    if (!isRoot && node.hitCount > 0) {
      let labelled = 0;
      for (const entry of node.contexts ?? []) {
        const context = entry.context;
        if (!(context instanceof LabelContext) || Number(entry.timestamp) > context.endUs) {
          continue;
        }
        let set = setOf.get(context);
        if (set === undefined) {
          set = labelSets.length;
          labelSets.push(context.pairs);
          setOf.set(context, set);
        }
        hits.push(index, set, 1);
        labelled++;
      }
      if (node.hitCount > labelled) {
        hits.push(index, 0, node.hitCount - labelled);
      }
    }
    for (const child of node.children) {
      stack.push([child, index]);
    }
  }

  const durationMicros = Math.max(0, profile.endTime - profile.startTime);
  const meanNanos =
    1000 *
    (totalHits > 0
      ? Math.min(Math.max(durationMicros / totalHits, options.intervalMicros), 2 * options.intervalMicros)
      : options.intervalMicros);
  const aggregate = new SampleAggregator(labelSets.length);
  for (let i = 0; i < hits.length; i += 3) {
    const count = hits[i + 2]!;
    aggregate.add(hits[i]!, hits[i + 1]!, count, count * meanNanos);
  }
  // Frames only for the nodes on sampled stacks.
  const nodeFrame = new Int32Array(nodes.length).fill(-1);
  for (let s = 0; s < aggregate.sampleNode.length; s++) {
    if (s % STEP === STEP - 1) {
      yield;
    }
    for (let index = aggregate.sampleNode[s]!; index >= 0 && nodeFrame[index] === -1; index = nodeParent[index]!) {
      const node = nodes[index]!;
      nodeFrame[index] =
        nodeParent[index] === -1
          ? 0
          : frames.idOf(node.scriptId, node.name, node.scriptName, node.lineNumber, node.columnNumber);
    }
  }
  return {
    nodeFrame,
    nodeParent: Int32Array.from(nodeParent),
    sampleNode: aggregate.sampleNode,
    sampleLabelSet: aggregate.sampleLabelSet,
    sampleCount: aggregate.sampleCount,
    sampleNanos: aggregate.sampleNanos,
    labelSets,
    startMs: options.startMs,
    durationNanos: durationMicros * 1000,
    periodNanos: options.intervalMicros * 1000,
  };
}
