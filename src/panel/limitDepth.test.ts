import { limitDepth } from './limitDepth';
import { columnOf, nestedSetFrame } from './testing/nestedSetFrame';

describe('limitDepth(frame, maxLevels)', () => {
  const frame = nestedSetFrame([
    ['total', 0, 10, 0, 20, 0],
    ['main', 1, 10, 1, 20, 2],
    ['handle', 2, 9, 2, 18, 4],
    ['parse', 3, 5, 5, 10, 10],
    ['render', 3, 2, 2, 4, 4],
  ]);

  it('leaves a frame that fits alone', () => {
    expect(limitDepth(frame, 4)).toEqual({ frame, depth: 4, shownLevels: 4 });
  });

  it('cuts deeper levels and counts them as the last kept level’s own time', () => {
    const limited = limitDepth(frame, 3);
    expect(limited.depth).toBe(4);
    expect(limited.shownLevels).toBe(3);
    expect(limited.frame.length).toBe(3);
    expect(limited.frame.fields.find((field) => field.name === 'label')?.config.type?.enum?.text).toContain('main');
    expect(columnOf(limited.frame, 'level')).toEqual([0, 1, 2]);
    expect(columnOf(limited.frame, 'value')).toEqual([10, 10, 9]);
    expect(columnOf(limited.frame, 'self')).toEqual([0, 1, 9]);
    expect(columnOf(limited.frame, 'valueRight')).toEqual([20, 20, 18]);
    expect(columnOf(limited.frame, 'selfRight')).toEqual([0, 2, 18]);
  });

  it('keeps self time adding up to the total', () => {
    const limited = limitDepth(frame, 2);
    const sum = (values: unknown[]) => values.reduce<number>((acc, value) => acc + Number(value), 0);
    expect(sum(columnOf(limited.frame, 'self'))).toBe(10);
    expect(sum(columnOf(limited.frame, 'selfRight'))).toBe(20);
  });
});
