import { type DataFrame } from '@grafana/data';

export type DepthLimited = { frame: DataFrame; depth: number; shownLevels: number };

/**
 * The flame graph cut to its first `maxLevels` levels. A node on the last kept level keeps its total and
 * counts its cut-off callees as its own (self = total), so totals and the top table still add up.
 */
export function limitDepth(frame: DataFrame, maxLevels: number): DepthLimited {
  const level = frame.fields.find((field) => field.name === 'level')!.values as number[];
  let depth = 0;
  for (let row = 0; row < frame.length; row++) {
    depth = Math.max(depth, level[row]! + 1);
  }
  if (depth <= maxLevels) {
    return { frame, depth, shownLevels: depth };
  }
  const kept: number[] = [];
  for (let row = 0; row < frame.length; row++) {
    if (level[row]! < maxLevels) {
      kept.push(row);
    }
  }
  const lastLevel = maxLevels - 1;
  const totalOf: Record<string, string> = { self: 'value', selfRight: 'valueRight' };
  const fields = frame.fields.map((field) => {
    const totals = totalOf[field.name] && frame.fields.find((other) => other.name === totalOf[field.name])?.values;
    const values = kept.map((row) => (totals && level[row] === lastLevel ? totals[row] : field.values[row]));
    return { ...field, values };
  });
  return { frame: { ...frame, fields, length: kept.length }, depth, shownLevels: maxLevels };
}
