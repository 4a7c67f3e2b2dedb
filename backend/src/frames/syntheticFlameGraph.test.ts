import { flameGraphToFrame } from './flameGraphToFrame';
import { syntheticFlameGraph } from './syntheticFlameGraph';

describe('syntheticFlameGraph', () => {
  it.each([1, 2, 10, 16384])('has exactly %d nodes in a layout the converter reads', (count) => {
    const fg = syntheticFlameGraph(count);
    expect(fg.levels.reduce((sum, level) => sum + level.length / 4, 0)).toBe(count);
    expect(fg.levels[0]).toEqual([0, fg.total, 0, 0]);
    expect(fg.names[0]).toBe('total');
    expect(flameGraphToFrame(fg, 'process_cpu:cpu:nanoseconds:cpu:nanoseconds', 'A').fields[0]!.values).toHaveLength(
      count
    );
  });

  it('is deterministic and reports the largest self', () => {
    const fg = syntheticFlameGraph(500, 4);
    expect(syntheticFlameGraph(500, 4)).toEqual(fg);
    const selves = fg.levels.flatMap((level) => Array.from(level).filter((_, i) => i % 4 === 2));
    expect(fg.maxSelf).toBe(Math.max(...selves));
  });

  it.each([0, -1, 1.5])('refuses %d nodes', (count) => {
    expect(() => syntheticFlameGraph(count)).toThrow('nodeCount must be a positive integer');
  });
});
