import type { FlameGraph } from '../pyroscope/types';
import { drawNestedSet } from './drawNestedSet';
import { frameLabels } from './frameLabels';
import { flameGraphToFrame } from './flameGraphToFrame';
import { syntheticFlameGraph } from './syntheticFlameGraph';
import { workedExampleGraph } from '../pyroscope/workedExampleGraph';

const cpu = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

// Trees are drawn as `label total/self`, children indented under their parent, left to right.
function draw(fg: FlameGraph): string {
  return drawNestedSet(flameGraphToFrame(fg, cpu, 'A'));
}

function tree(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const indent = Math.min(...lines.map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(indent).trimEnd()).join('\n');
}

describe('flameGraphToFrame', () => {
  it('converts the worked example of pyroscope-api.md §1.7 (a;b 3, a;c 2, d 4)', () => {
    const fg = workedExampleGraph;
    expect(draw(fg)).toBe(
      tree(`
        total 9/0
          a 5/0
            b 3/3
            c 2/2
          d 4/4
      `)
    );
  });

  it('puts each child under the parent whose range holds it, with gaps for self time and childless parents', () => {
    // x:   0    2         7    10        15   17   20
    // L1:  [main 0..10 self 2       ][gc 10..15][idle 15..20]
    // L2:       [work 2..7 ][io 7..10]          [poll 17..20]
    // L3:       [hash 2..6]
    const fg: FlameGraph = {
      names: ['total', 'main', 'gc', 'idle', 'work', 'io', 'poll', 'hash'],
      levels: [
        [0, 20, 0, 0],
        [0, 10, 2, 1, 0, 5, 5, 2, 0, 5, 2, 3],
        [2, 5, 1, 4, 0, 3, 3, 5, 7, 3, 3, 6],
        [2, 4, 4, 7],
      ],
      total: 20,
      maxSelf: 5,
    };
    expect(draw(fg)).toBe(
      tree(`
        total 20/0
          main 10/2
            work 5/1
              hash 4/4
            io 3/3
          gc 5/5
          idle 5/2
            poll 3/3
      `)
    );
  });

  it('keeps a deep single chain and repeated names apart', () => {
    const fg: FlameGraph = {
      names: ['total', 'f'],
      levels: [
        [0, 4, 0, 0],
        [0, 4, 1, 1],
        [1, 3, 1, 1],
        [1, 2, 2, 1],
      ],
      total: 4,
      maxSelf: 2,
    };
    expect(draw(fg)).toBe(
      tree(`
        total 4/0
          f 4/1
            f 3/1
              f 2/2
      `)
    );
  });

  it('answers an empty range (root only, total 0) with the single root row', () => {
    const empty: FlameGraph = { names: ['total'], levels: [[0, 0, 0, 0]], total: 0, maxSelf: 0 };
    expect(draw(empty)).toBe('total 0/0');
    expect(draw({ names: [], levels: [], total: 0, maxSelf: 0 })).toBe('total 0/0');
  });

  it('builds the frame Grafana reads: fields, types, units, meta', () => {
    const frame = flameGraphToFrame(
      {
        names: ['total', 'a'],
        levels: [
          [0, 2, 0, 0],
          [0, 2, 2, 1],
        ],
        total: 2,
        maxSelf: 2,
      },
      'memory:alloc_space:bytes:space:bytes',
      'B'
    );
    expect(frame.name).toBe('response');
    expect(frame.refId).toBe('B');
    expect(frame.meta).toEqual({
      preferredVisualisationType: 'flamegraph',
      custom: { profileTypeId: 'memory:alloc_space:bytes:space:bytes' },
    });
    expect(frame.fields.map((f) => [f.name, f.type, f.config?.unit])).toEqual([
      ['label', 'enum', undefined],
      ['level', 'uint16', undefined],
      ['value', 'int64', 'bytes'],
      ['self', 'int64', 'bytes'],
    ]);
  });

  it("labels nodes with an enum over Pyroscope's own names table: values are the name indexes", () => {
    const fg = workedExampleGraph;
    const [label] = flameGraphToFrame(fg, cpu, 'A').fields;
    expect(label!.type).toBe('enum');
    expect(label!.values).toBeInstanceOf(Uint16Array);
    expect(Array.from(label!.values)).toEqual([0, 2, 4, 3, 1]);
    expect(label!.config).toEqual({ type: { enum: { text: fg.names } } });
  });

  it('adds "total" to the enum texts when the root names no entry (an answer without names)', () => {
    const [label] = flameGraphToFrame({ names: [], levels: [], total: 0, maxSelf: 0 }, cpu, 'A').fields;
    expect(Array.from(label!.values)).toEqual([0]);
    expect(label!.config?.type?.enum?.text).toEqual(['total']);
  });

  it.each([
    [65536, 'enum'],
    [65537, 'string'],
  ])('with %d names emits the label as %s (enum values are Uint16)', (count, type) => {
    const names = Array.from({ length: count }, (_, i) => (i === 0 ? 'total' : `f${i}`));
    const fg: FlameGraph = {
      names,
      levels: [
        [0, 2, 0, 0],
        [0, 1, 1, count - 1, 0, 1, 1, 1],
      ],
      total: 2,
      maxSelf: 1,
    };
    const frame = flameGraphToFrame(fg, cpu, 'A');
    expect(frame.fields[0]!.type).toBe(type);
    expect(frameLabels(frame)).toEqual(['total', `f${count - 1}`, 'f1']);
  });

  it.each([
    [
      'a level length that is not a multiple of 4',
      {
        levels: [
          [0, 1, 0, 0],
          [0, 1, 1],
        ],
      },
      /level 1 holds 3 values/,
    ],
    ['two roots', { levels: [[0, 1, 0, 0, 0, 1, 1, 0]] }, /level 0 holds 2 nodes/],
    [
      'a child outside its parents',
      {
        levels: [
          [0, 2, 0, 0],
          [1, 2, 2, 0],
        ],
      },
      /node 0 of level 1 lies outside/,
    ],
    [
      'a name index past the names',
      {
        levels: [
          [0, 2, 0, 0],
          [0, 2, 2, 7],
        ],
      },
      /names entry 7 of 1/,
    ],
  ])('rejects %s as a Pyroscope answer it cannot read', (_case, fg, message) => {
    expect(() => flameGraphToFrame({ names: ['total'], total: 2, maxSelf: 2, ...fg }, cpu, 'A')).toThrow(message);
  });

  it('converts a large synthetic graph into a consistent nested set (value = self + children)', () => {
    const fg = syntheticFlameGraph(50_000, 2);
    const frame = flameGraphToFrame(fg, cpu, 'A');
    const [, level, value, self] = frame.fields.map((f) => f.values as ArrayLike<number>);
    expect(level!.length).toBe(50_000);
    expect(value![0]).toBe(fg.total);
    // Walk the rows with a stack of open parents, subtracting each child from its parent's remaining total.
    const remaining: number[] = [];
    const openLevels: number[] = [];
    for (let row = 0; row < level!.length; row++) {
      while (openLevels.length > 0 && openLevels[openLevels.length - 1]! >= level![row]!) {
        expect(remaining.pop()).toBe(0);
        openLevels.pop();
      }
      expect(level![row]).toBe(openLevels.length);
      if (remaining.length > 0) {
        remaining[remaining.length - 1]! -= value![row]!;
      }
      remaining.push(value![row]! - self![row]!);
      openLevels.push(level![row]!);
    }
    expect(remaining.every((r) => r === 0)).toBe(true);
  });
});
