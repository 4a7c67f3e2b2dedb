import type { Frame } from '../plugin/types';
import type { FlameGraphDiff } from '../pyroscope/types';
import { labelField } from './labelField';
import { nestedSet } from './nestedSet';
import { parseProfileTypeId } from './parseProfileTypeId';
import { profileUnit } from './profileUnit';

/**
 * Pyroscope's diff flame graph (baseline = left, comparison = right) as the nested-set diff frame Grafana's
 * flame graph reads. `value`/`self` hold the baseline only and `valueRight`/`selfRight` the comparison:
 * @grafana/flamegraph (13.0.1, `nestedSetToLevels`) draws each bar `value + valueRight` wide and its tooltip
 * takes the baseline back as bar width − `valueRight`, so a `value` holding the sum would count the
 * comparison twice.
 */
export function flameGraphDiffToFrame(diff: FlameGraphDiff, profileTypeId: string, refId: string): Frame {
  const nodes = nestedSet(diff.levels, diff.names, { stride: 7, xColumns: [0, 3], nameColumn: 6 });
  const config = { unit: profileUnit(parseProfileTypeId(profileTypeId)?.sampleUnit ?? '') };
  return {
    name: 'response',
    refId,
    meta: { preferredVisualisationType: 'flamegraph', custom: { profileTypeId } },
    fields: [
      labelField(nodes),
      { name: 'level', type: 'int64', values: nodes.level },
      { name: 'value', type: 'int64', values: nodes.column(1), config },
      { name: 'self', type: 'int64', values: nodes.column(2), config },
      { name: 'valueRight', type: 'int64', values: nodes.column(4), config },
      { name: 'selfRight', type: 'int64', values: nodes.column(5), config },
    ],
  };
}
