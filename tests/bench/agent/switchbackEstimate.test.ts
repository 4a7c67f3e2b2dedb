import { switchbackEstimate } from './switchbackEstimate';

describe('switchbackEstimate', () => {
  it('cancels a steady offset between the two processes', () => {
    // Agent cost 10 ms/s; process 0 is 30 ms/s dearer than process 1 whatever it does.
    const blocks = [40, -20, 40, -20, 40, -20];
    expect(switchbackEstimate(blocks)).toBeCloseTo(10);
  });

  it('passes over the pairs across a change of offset, which the plain mean carries', () => {
    // Offset +30 for the first three blocks, then -30 (a process switched GC regimes).
    const blocks = [40, -20, 40, 40, -20, 40, -20, 40];
    expect(switchbackEstimate(blocks)).toBeCloseTo(10);
    const mean = blocks.reduce((sum, extra) => sum + extra, 0) / blocks.length;
    expect(mean).toBeCloseTo(17.5);
  });

  it('takes the middle two of an even number of neighbour pairs', () => {
    expect(switchbackEstimate([0, 2, 4])).toBeCloseTo(2);
    expect(switchbackEstimate([0, 2])).toBeCloseTo(1);
  });

  it('needs two blocks', () => {
    expect(() => switchbackEstimate([5])).toThrow('at least 2 blocks, got 1');
  });
});
