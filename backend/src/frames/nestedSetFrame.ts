import type { Frame } from '../plugin/types';
import { labelField } from './labelField';
import { levelField } from './levelField';
import type { NestedSet } from './nestedSet';
import { parseProfileTypeId } from './parseProfileTypeId';
import { profileUnit } from './profileUnit';

/**
 * The frame Grafana's flame graph reads: `label`, `level`, then one int64 field per named node column, all in
 * the profile type's sample unit. Named `response` like the core Pyroscope datasource's (Grafana's trace view
 * looks for that name).
 */
export function nestedSetFrame(
  nodes: NestedSet,
  profileTypeId: string,
  refId: string,
  valueColumns: ReadonlyArray<[name: string, column: number]>
): Frame {
  const config = { unit: profileUnit(parseProfileTypeId(profileTypeId)?.sampleUnit ?? '') };
  return {
    name: 'response',
    refId,
    meta: { preferredVisualisationType: 'flamegraph', custom: { profileTypeId } },
    fields: [
      labelField(nodes),
      levelField(nodes.level),
      ...valueColumns.map(([name, column]) => ({ name, type: 'int64' as const, values: nodes.column(column), config })),
    ],
  };
}
