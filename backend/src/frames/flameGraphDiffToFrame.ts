import type { Frame } from '../plugin/types';
import type { FlameGraphDiff } from '../pyroscope/types';
import { nestedSet } from './nestedSet';
import { nestedSetFrame } from './nestedSetFrame';

/**
 * Pyroscope's diff flame graph (baseline = left, comparison = right) as the nested-set diff frame Grafana's
 * flame graph reads. `value`/`self` hold the baseline only and `valueRight`/`selfRight` the comparison:
 * @grafana/flamegraph (13.0.1, `nestedSetToLevels`) draws each bar `value + valueRight` wide and its tooltip
 * takes the baseline back as bar width − `valueRight`, so a `value` holding the sum would count the
 * comparison twice.
 */
export function flameGraphDiffToFrame(diff: FlameGraphDiff, profileTypeId: string, refId: string): Frame {
  const nodes = nestedSet(diff.levels, diff.names, { stride: 7, xColumns: [0, 3], nameColumn: 6 });
  return nestedSetFrame(nodes, profileTypeId, refId, [
    ['value', 1],
    ['self', 2],
    ['valueRight', 4],
    ['selfRight', 5],
  ]);
}
