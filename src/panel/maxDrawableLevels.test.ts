import { maxDrawableLevels } from './maxDrawableLevels';

describe('maxDrawableLevels(devicePixelRatio)', () => {
  it.each([
    [1, 1489],
    [2, 744],
    [1.5, 992],
    [0, 1489],
  ])('at a device pixel ratio of %p fits %p rows of 22 px into a 32,767 px canvas', (ratio, levels) => {
    expect(maxDrawableLevels(ratio)).toBe(levels);
    expect(levels * 22 * Math.max(ratio, 1)).toBeLessThanOrEqual(32767);
  });
});
