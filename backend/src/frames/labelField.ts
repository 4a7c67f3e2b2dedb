import type { Field } from '../plugin/types';
import type { NestedSet } from './nestedSet';

/** An enum value is an Arrow Uint16: indexes 0..65535. */
const MAX_ENUM_NAMES = 65536;

/**
 * A flame graph's `label` field as Grafana's own Pyroscope datasource sends it: an enum whose texts are
 * Pyroscope's names table and whose values are the nodes' name indexes, so no per-node string is built,
 * encoded or decoded (@grafana/flamegraph reads enum labels through the field's display processor). A
 * names table too large for Uint16 indexes falls back to one string per node.
 */
export function labelField({ names, name }: NestedSet): Field {
  if (names.length > MAX_ENUM_NAMES) {
    const label = new Array<string>(name.length);
    for (let row = 0; row < name.length; row++) {
      label[row] = names[name[row]!]!;
    }
    return { name: 'label', type: 'string', values: label };
  }
  return { name: 'label', type: 'enum', values: new Uint16Array(name), config: { type: { enum: { text: names } } } };
}
