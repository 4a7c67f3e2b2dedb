import { prepareFlameGraph } from './prepareFlameGraph';
import { columnOf, nestedSetFrame } from './testing/nestedSetFrame';
import { DiffColouring } from './types';

const diff = nestedSetFrame([
  ['total', 0, 100, 0, 200, 0],
  ['main', 1, 100, 10, 200, 20],
  ['work', 2, 90, 90, 180, 180],
]);

describe('prepareFlameGraph(series, options)', () => {
  it('keeps the totals the query returned while evening out the roots for absolute colours', () => {
    const content = prepareFlameGraph([diff], { diffColouring: DiffColouring.Absolute, maxLevels: 100 });
    expect(content).toMatchObject({ kind: 'flameGraph', isDiff: true, totals: { left: 100, right: 200 }, depth: 3 });
    expect(content.kind === 'flameGraph' && columnOf(content.frame, 'value')).toEqual([200, 100, 90]);
  });

  it('hands a relative diff over as queried', () => {
    const content = prepareFlameGraph([diff], { diffColouring: DiffColouring.Relative, maxLevels: 100 });
    expect(content).toMatchObject({ kind: 'flameGraph', frame: diff });
  });

  it('cuts a profile deeper than the canvas can draw', () => {
    const content = prepareFlameGraph([diff], { diffColouring: DiffColouring.Relative, maxLevels: 2 });
    expect(content).toMatchObject({ kind: 'flameGraph', depth: 3, shownLevels: 2 });
    expect(content.kind === 'flameGraph' && content.frame.length).toBe(2);
  });

  it('passes on why there is nothing to draw', () => {
    expect(prepareFlameGraph([], { diffColouring: DiffColouring.Relative, maxLevels: 2 })).toEqual({ kind: 'empty' });
  });
});
