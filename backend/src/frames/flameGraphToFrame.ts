import type { Frame } from '../plugin/types';
import type { FlameGraph } from '../pyroscope/types';
import { nestedSet } from './nestedSet';
import { nestedSetFrame } from './nestedSetFrame';

/**
 * Pyroscope's flame graph as the nested-set frame Grafana's flame graph reads: one row per node in
 * depth-first order, `label` (an enum over Pyroscope's names table, see labelField), `level` (root = 0),
 * `value` (inclusive total) and `self`.
 */
export function flameGraphToFrame(fg: FlameGraph, profileTypeId: string, refId: string): Frame {
  const nodes = nestedSet(fg.levels, fg.names, { stride: 4, xColumns: [0], nameColumn: 3 });
  return nestedSetFrame(nodes, profileTypeId, refId, [
    ['value', 1],
    ['self', 2],
  ]);
}
