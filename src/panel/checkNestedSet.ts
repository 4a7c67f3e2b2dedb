import { type DataFrame, type Field } from '@grafana/data';

/**
 * Why a frame with the flame graph's fields still is no flame graph, or undefined when it is one: rows must
 * be a nested set in depth-first order (one root at level 0, each row at most one level below the previous
 * one), with non-negative values, and a diff needs both `valueRight` and `selfRight`.
 */
export function checkNestedSet(frame: DataFrame): string | undefined {
  const level = fieldValues(frame, 'level');
  const numbers = ['value', 'self', 'valueRight', 'selfRight'].flatMap((name) => {
    const values = fieldValues(frame, name);
    return values ? [{ name, values }] : [];
  });
  const right = numbers.filter(({ name }) => name.endsWith('Right')).map(({ name }) => name);
  if (right.length === 1) {
    return `The frame has ${right[0]} but not ${right[0] === 'valueRight' ? 'selfRight' : 'valueRight'}: a diff flame graph needs both.`;
  }
  if (!level) {
    return 'The frame has no level field.';
  }
  for (let row = 0; row < frame.length; row++) {
    const current = level[row];
    const expected = row === 0 ? 'the root at level 0' : `a level from 1 to ${Number(level[row - 1]) + 1}`;
    const ok = row === 0 ? current === 0 : Number.isInteger(current) && current >= 1 && current <= level[row - 1] + 1;
    if (!ok) {
      return `The frame's rows are not a flame graph in depth-first order: row ${row + 1} is at level ${String(current)}, expected ${expected}.`;
    }
    for (const { name, values } of numbers) {
      if (!(values[row] >= 0)) {
        return `The frame's ${name} in row ${row + 1} is ${String(values[row])}; flame graph values are numbers ≥ 0.`;
      }
    }
  }
  return undefined;
}

function fieldValues(frame: DataFrame, name: string): Field<number>['values'] | undefined {
  return frame.fields.find((field) => field.name === name)?.values;
}
