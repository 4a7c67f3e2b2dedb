import type { Frame } from '../plugin/types';
import { frameLabels } from './frameLabels';

/**
 * A nested-set flame graph frame as indented text, one node per line: `label value/self`, and for diff
 * frames `label value/self | valueRight/selfRight`. For tests and debugging: a tree drawn by hand compares
 * with this directly.
 */
export function drawNestedSet(frame: Frame): string {
  const column = (name: string) => frame.fields.find((field) => field.name === name)?.values;
  const level = column('level');
  const value = column('value');
  const self = column('self');
  const valueRight = column('valueRight');
  const selfRight = column('selfRight');
  if (!column('label') || !level || !value || !self) {
    throw new Error(`frame ${JSON.stringify(frame.name)} is not a nested-set flame graph (label, level, value, self)`);
  }
  const label = frameLabels(frame);
  const lines: string[] = [];
  for (let row = 0; row < label.length; row++) {
    const right = valueRight && selfRight ? ` | ${valueRight[row]}/${selfRight[row]}` : '';
    lines.push(`${'  '.repeat(Number(level[row]))}${label[row]} ${value[row]}/${self[row]}${right}`);
  }
  return lines.join('\n');
}
