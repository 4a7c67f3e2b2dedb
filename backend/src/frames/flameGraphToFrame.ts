import type { Frame } from '../plugin/types';
import type { FlameGraph } from '../pyroscope/types';
import { labelField } from './labelField';
import { nestedSet } from './nestedSet';
import { parseProfileTypeId } from './parseProfileTypeId';
import { profileUnit } from './profileUnit';

/**
 * Pyroscope's flame graph as the nested-set frame Grafana's flame graph reads: one row per node in
 * depth-first order, `label` (an enum over Pyroscope's names table, see labelField), `level` (root = 0),
 * `value` (inclusive total) and `self`, in the profile
 * type's sample unit. Named `response` like the core Pyroscope datasource's (Grafana's trace view looks
 * for that name).
 */
export function flameGraphToFrame(fg: FlameGraph, profileTypeId: string, refId: string): Frame {
  const nodes = nestedSet(fg.levels, fg.names, { stride: 4, xColumns: [0], nameColumn: 3 });
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
    ],
  };
}
