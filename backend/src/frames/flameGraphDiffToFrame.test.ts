import type { FlameGraphDiff } from '../pyroscope/types';
import { drawNestedSet } from './drawNestedSet';
import { frameLabels } from './frameLabels';
import { flameGraphDiffToFrame } from './flameGraphDiffToFrame';

const space = 'memory:alloc_space:bytes:space:bytes';

// Trees are drawn as `label baselineTotal/baselineSelf | comparisonTotal/comparisonSelf`.
function draw(diff: FlameGraphDiff): string {
  return drawNestedSet(flameGraphDiffToFrame(diff, space, 'A'));
}

function tree(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const indent = Math.min(...lines.map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(indent).trimEnd()).join('\n');
}

function diff(names: string[], levels: number[][]): FlameGraphDiff {
  const [left, right] = [levels[0]![1]!, levels[0]![4]!];
  return { names, levels, total: left + right, maxSelf: 0, leftTicks: left, rightTicks: right };
}

/** An aligned node as Pyroscope's Diff sees it: [total, self] per side; [0, 0] = absent on that side. */
type Aligned = { name: string; left: [number, number]; right: [number, number]; children: Aligned[] };

/** Pyroscope's diff layout (pkg/model/flamegraph_diff.go): children after the parent's self, deltas per side. */
function encode(root: Aligned): FlameGraphDiff {
  const names: string[] = [];
  const levels: number[][] = [];
  const ends: Array<[number, number]> = [];
  const visit = (node: Aligned, depth: number, xLeft: number, xRight: number) => {
    let name = names.indexOf(node.name);
    if (name < 0) {
      name = names.push(node.name) - 1;
    }
    const [leftEnd, rightEnd] = ends[depth] ?? [0, 0];
    (levels[depth] ??= []).push(xLeft - leftEnd, ...node.left, xRight - rightEnd, ...node.right, name);
    ends[depth] = [xLeft + node.left[0], xRight + node.right[0]];
    let childLeft = xLeft + node.left[1];
    let childRight = xRight + node.right[1];
    for (const child of node.children) {
      visit(child, depth + 1, childLeft, childRight);
      childLeft += child.left[0];
      childRight += child.right[0];
    }
  };
  visit(root, 0, 0, 0);
  return diff(names, levels);
}

function drawAligned(node: Aligned, depth = 0): string {
  const line = `${'  '.repeat(depth)}${node.name} ${node.left.join('/')} | ${node.right.join('/')}`;
  return [line, ...node.children.map((child) => drawAligned(child, depth + 1))].join('\n');
}

describe('flameGraphDiffToFrame', () => {
  it('places nodes present on one side only (a: baseline only, b: comparison only)', () => {
    const input = diff(
      ['total', 'a', 'b'],
      [
        [0, 10, 0, 0, 6, 0, 0],
        [0, 10, 4, 0, 0, 0, 1, 0, 0, 0, 0, 6, 6, 2],
        [4, 6, 6, 0, 0, 0, 2],
      ]
    );
    expect(draw(input)).toBe(
      tree(`
        total 10/0 | 6/0
          a 10/4 | 0/0
            b 6/6 | 0/0
          b 0/0 | 6/6
      `)
    );
  });

  it('decides between neighbouring parents with the side where the child is not empty', () => {
    // Baseline: A spans 0..10 and B is empty at 10, so a2 and b1 (empty in the baseline, at x=10) touch
    // both A's end and B's start there; their comparison ranges (a2 0..4 in A, b1 6..10 in B) decide.
    const input = diff(
      ['total', 'A', 'B', 'a1', 'a2', 'b1'],
      [
        [0, 10, 0, 0, 10, 0, 0],
        [0, 10, 0, 0, 4, 0, 1, 0, 0, 0, 0, 6, 2, 2],
        [0, 10, 10, 0, 0, 0, 3, 0, 0, 0, 0, 4, 4, 4, 0, 0, 0, 2, 4, 4, 5],
      ]
    );
    expect(draw(input)).toBe(
      tree(`
        total 10/0 | 10/0
          A 10/0 | 4/0
            a1 10/10 | 0/0
            a2 0/0 | 4/4
          B 0/0 | 6/2
            b1 0/0 | 4/4
      `)
    );
  });

  it('keeps the truncation node "other" like any other child', () => {
    const aligned: Aligned = {
      name: 'total',
      left: [10, 0],
      right: [12, 0],
      children: [
        {
          name: 'main',
          left: [7, 1],
          right: [3, 1],
          children: [{ name: 'other', left: [6, 6], right: [2, 2], children: [] }],
        },
        { name: 'other', left: [3, 3], right: [9, 9], children: [] },
      ],
    };
    expect(draw(encode(aligned))).toBe(
      tree(`
        total 10/0 | 12/0
          main 7/1 | 3/1
            other 6/6 | 2/2
          other 3/3 | 9/9
      `)
    );
  });

  it('answers an empty diff with the root alone', () => {
    expect(draw(diff(['total'], [[0, 0, 0, 0, 0, 0, 0]]))).toBe('total 0/0 | 0/0');
  });

  it('puts the baseline in value/self and the comparison in valueRight/selfRight, as @grafana/flamegraph reads them', () => {
    const frame = flameGraphDiffToFrame(
      diff(
        ['total', 'a'],
        [
          [0, 378, 0, 0, 316, 0, 0],
          [0, 12, 12, 0, 16, 16, 1],
        ]
      ),
      space,
      'D'
    );
    const values = Object.fromEntries(frame.fields.map((f) => [f.name, Array.from(f.values)]));
    expect(frameLabels(frame)).toEqual(['total', 'a']);
    expect(values).toEqual({
      label: [0, 1],
      level: [0, 1],
      value: [378, 12],
      self: [0, 12],
      valueRight: [316, 16],
      selfRight: [0, 16],
    });
    expect(frame.fields.filter((f) => f.type === 'int64' && f.name !== 'level').map((f) => f.config?.unit)).toEqual([
      'bytes',
      'bytes',
      'bytes',
      'bytes',
    ]);
    expect(frame).toMatchObject({ name: 'response', refId: 'D', meta: { preferredVisualisationType: 'flamegraph' } });
  });

  it('rebuilds random aligned trees exactly, whichever sides their nodes are on', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const grow = (name: string, onLeft: boolean, onRight: boolean, depth: number): Aligned => {
      const children: Aligned[] = [];
      const count = depth > 4 ? 0 : random(4);
      for (let i = 0; i < count; i++) {
        // A child exists on at least one of its parent's sides.
        const side = random(3);
        const left = onLeft && (side !== 2 || !onRight);
        const right = onRight && (side !== 1 || !onLeft);
        children.push(grow(`${name}.${i}`, left, right, depth + 1));
      }
      const self = () => 1 + random(5);
      const leftSelf = onLeft ? self() : 0;
      const rightSelf = onRight ? self() : 0;
      const sum = (side: 'left' | 'right') => children.reduce((total, child) => total + child[side][0], 0);
      return {
        name,
        left: [leftSelf + sum('left'), leftSelf],
        right: [rightSelf + sum('right'), rightSelf],
        children,
      };
    };
    for (let round = 0; round < 300; round++) {
      const root = grow('total', true, true, 0);
      root.left = [root.left[0] - root.left[1], 0];
      root.right = [root.right[0] - root.right[1], 0];
      expect(draw(encode(root))).toBe(drawAligned(root));
    }
  });
});
