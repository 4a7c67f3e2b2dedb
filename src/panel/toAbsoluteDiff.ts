import { type DataFrame } from '@grafana/data';

/**
 * A diff frame that @grafana/flamegraph colours by absolute change. It colours (and lists in its top table)
 * each node by its share of its own side's root total, so scaling a side changes nothing; comparing amounts
 * needs equal roots instead. The smaller side's root is raised to the larger total, the difference becoming
 * the root's own (self) time: every other node keeps its amounts, and its share of the common total changes
 * exactly as its amount does (a function that doubled shows +100 %).
 */
export function toAbsoluteDiff(frame: DataFrame): DataFrame {
  const field = (name: string) => frame.fields.find((candidate) => candidate.name === name);
  const left = Number(field('value')?.values[0] ?? 0);
  const right = Number(field('valueRight')?.values[0] ?? 0);
  if (frame.length === 0 || !field('valueRight') || left === right) {
    return frame;
  }
  const common = Math.max(left, right);
  const raise: Record<string, number> = {
    value: common,
    valueRight: common,
    self: Number(field('self')?.values[0] ?? 0) + common - left,
    selfRight: Number(field('selfRight')?.values[0] ?? 0) + common - right,
  };
  const fields = frame.fields.map((candidate) => {
    const root = raise[candidate.name];
    if (root === undefined) {
      return candidate;
    }
    const values = candidate.values.slice();
    values[0] = root;
    return { ...candidate, values };
  });
  return { ...frame, fields };
}
