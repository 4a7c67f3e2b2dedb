import type { FlameGraph } from '../pyroscope/types';

/**
 * A deterministic flame graph of exactly `nodeCount` nodes in Pyroscope's layout (for tests and benchmarks).
 * Nodes get 1..2·fanout−1 children breadth-first until the count is reached; leaves and every fourth inner
 * node have self time; siblings have distinct names from a pool of up to 4096 function names; children are
 * laid out after their parent's self, as Pyroscope does.
 */
export function syntheticFlameGraph(nodeCount: number, fanout = 3): FlameGraph {
  if (!Number.isInteger(nodeCount) || nodeCount < 1) {
    throw new Error(`nodeCount must be a positive integer, got ${nodeCount}`);
  }
  if (!Number.isInteger(fanout) || fanout < 1) {
    throw new Error(`fanout must be a positive integer, got ${fanout}`);
  }
  const random = mulberry32(0x5eed);
  const poolSize = Math.max(2 * fanout, Math.min(4096, nodeCount));
  const names = ['total'];
  for (let i = 1; i <= poolSize; i++) {
    names.push(`github.com/emberlabs/app/pkg${i % 97}.function${i}`);
  }

  // Breadth-first ids: children of one parent are consecutive and parents come in level order.
  const firstChild = new Int32Array(nodeCount);
  const childCount = new Int32Array(nodeCount);
  const parentOf = new Int32Array(nodeCount);
  const level = new Int32Array(nodeCount);
  const name = new Int32Array(nodeCount);
  let next = 1;
  for (let parent = 0; next < nodeCount; parent++) {
    const count = Math.min(1 + (random() % (2 * fanout - 1)), nodeCount - next);
    const base = random() % poolSize;
    firstChild[parent] = next;
    childCount[parent] = count;
    for (let j = 0; j < count; j++, next++) {
      parentOf[next] = parent;
      level[next] = level[parent]! + 1;
      name[next] = 1 + ((base + j) % poolSize);
    }
  }

  const self = new Float64Array(nodeCount);
  const total = new Float64Array(nodeCount);
  for (let id = nodeCount - 1; id > 0; id--) {
    self[id] = childCount[id] === 0 || random() % 4 === 0 ? 1 + (random() % 1000) : 0;
    total[id]! += self[id]!;
    total[parentOf[id]!]! += total[id]!;
  }

  const x = new Float64Array(nodeCount);
  const levels: number[][] = [];
  const levelEnd: number[] = [];
  let maxSelf = 0;
  for (let id = 0; id < nodeCount; id++) {
    let offset = x[id]! + self[id]!;
    for (let c = firstChild[id]!; c < firstChild[id]! + childCount[id]!; c++) {
      x[c] = offset;
      offset += total[c]!;
    }
    const d = level[id]!;
    if (levels[d] === undefined) {
      levels[d] = [];
      levelEnd[d] = 0;
    }
    levels[d]!.push(x[id]! - levelEnd[d]!, total[id]!, self[id]!, name[id]!);
    levelEnd[d] = x[id]! + total[id]!;
    maxSelf = Math.max(maxSelf, self[id]!);
  }
  return { names, levels, total: total[0]!, maxSelf };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
