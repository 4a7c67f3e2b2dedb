import { toAbsoluteDiff } from './toAbsoluteDiff';
import { columnOf, nestedSetFrame } from './testing/nestedSetFrame';

/** @grafana/flamegraph's diff percentage of a node: its share of its side's root, comparison against baseline. */
function grafanaDiffPercent(value: number, valueRight: number, rootLeft: number, rootRight: number): number {
  const left = Math.round((10000 * value) / rootLeft) / 100;
  const right = Math.round((10000 * valueRight) / rootRight) / 100;
  return ((right - left) / left) * 100;
}

describe('toAbsoluteDiff(frame)', () => {
  // The whole comparison doubled; `work` doubled too, `idle` stayed.
  const frame = nestedSetFrame([
    ['total', 0, 100, 0, 200, 0],
    ['work', 1, 50, 50, 150, 150],
    ['idle', 1, 50, 50, 50, 50],
  ]);

  it('raises the smaller root to the larger total as root self time', () => {
    const absolute = toAbsoluteDiff(frame);
    expect(columnOf(absolute, 'value')).toEqual([200, 50, 50]);
    expect(columnOf(absolute, 'self')).toEqual([100, 50, 50]);
    expect(columnOf(absolute, 'valueRight')).toEqual([200, 150, 50]);
    expect(columnOf(absolute, 'selfRight')).toEqual([0, 150, 50]);
  });

  it('turns Grafana’s share-of-total percentages into changes of the amounts', () => {
    const absolute = toAbsoluteDiff(frame);
    const [rootLeft, rootRight] = [columnOf(absolute, 'value')[0], columnOf(absolute, 'valueRight')[0]] as number[];
    // Relative (the frame as queried): work's share grew from 50 % to 75 %, idle's fell from 50 % to 25 %.
    expect(grafanaDiffPercent(50, 150, 100, 200)).toBe(50);
    expect(grafanaDiffPercent(50, 50, 100, 200)).toBe(-50);
    // Absolute: work tripled, idle did not change.
    expect(grafanaDiffPercent(50, 150, rootLeft!, rootRight!)).toBe(200);
    expect(grafanaDiffPercent(50, 50, rootLeft!, rootRight!)).toBe(0);
  });

  it.each([
    ['a single profile', nestedSetFrame([['total', 0, 5, 5]])],
    ['a diff with equal totals', nestedSetFrame([['total', 0, 5, 5, 5, 5]])],
  ])('leaves %s alone', (_what, unchanged) => {
    expect(toAbsoluteDiff(unchanged)).toBe(unchanged);
  });
});
