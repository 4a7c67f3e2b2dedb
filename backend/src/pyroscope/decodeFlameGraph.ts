import { ProtoReader, type StringRange } from './ProtoReader';
import type { FlameGraph, FlameGraphDiff } from './types';

/** Decodes a binary SelectMergeStacktracesResponse or SelectMergeSpanProfileResponse (field 1: FlameGraph). */
export function decodeFlameGraph(bytes: Uint8Array): FlameGraph {
  const { names, levels, total, maxSelf } = decodeResponse(bytes, 4);
  return { names, levels, total, maxSelf };
}

/** Decodes a binary DiffResponse (field 1: FlameGraphDiff). */
export function decodeFlameGraphDiff(bytes: Uint8Array): FlameGraphDiff {
  return decodeResponse(bytes, 7);
}

function decodeResponse(bytes: Uint8Array, stride: number): FlameGraphDiff {
  const reader = new ProtoReader(bytes);
  let graph: FlameGraphDiff | undefined;
  while (!reader.done()) {
    const tag = reader.tag();
    if (tag === ((1 << 3) | 2)) {
      graph = decodeGraph(reader.message(), stride);
    } else {
      // `tree` bytes and anything newer: not asked for.
      reader.skip(tag & 7);
    }
  }
  // Pyroscope answers an empty range with a bare root; an absent graph means the same.
  return (
    graph ?? {
      names: ['total'],
      levels: [new Float64Array(stride)],
      total: 0,
      maxSelf: 0,
      leftTicks: 0,
      rightTicks: 0,
    }
  );
}

function decodeGraph(reader: ProtoReader, stride: number): FlameGraphDiff {
  const graph: FlameGraphDiff = { names: [], levels: [], total: 0, maxSelf: 0, leftTicks: 0, rightTicks: 0 };
  const names: StringRange[] = [];
  while (!reader.done()) {
    const tag = reader.tag();
    switch (tag >>> 3) {
      case 1:
        names.push(reader.stringRange());
        break;
      case 2:
        graph.levels.push(decodeLevel(reader.message(), stride));
        break;
      case 3:
        graph.total = reader.int64();
        break;
      case 4:
        graph.maxSelf = reader.int64();
        break;
      case 5:
        graph.leftTicks = reader.int64();
        break;
      case 6:
        graph.rightTicks = reader.int64();
        break;
      default:
        reader.skip(tag & 7);
    }
  }
  graph.names = reader.strings(names);
  return graph;
}

// Typed arrays: no boxed number per value (sample totals exceed small integers) and no array growth.
function decodeLevel(reader: ProtoReader, stride: number): Float64Array {
  const runs: ProtoReader[] = [];
  let count = 0;
  while (!reader.done()) {
    const tag = reader.tag();
    if (tag >>> 3 === 1) {
      const run = reader.int64Run(tag & 7);
      count += run.varintCount();
      runs.push(run);
    } else {
      reader.skip(tag & 7);
    }
  }
  const values = new Float64Array(count);
  let k = 0;
  for (const run of runs) {
    k = run.int64sInto(values, k);
  }
  if (values.length % stride !== 0) {
    throw new RangeError(`a flame graph level holds ${values.length} numbers, not a multiple of ${stride}`);
  }
  return values;
}
