import { MAX_SERIES_POINTS, metricsStep } from './metricsStep';

const hour = 3_600_000;

describe('metricsStep', () => {
  it.each([
    ['the panel interval when above the minimum', hour, 60_000, 15, 60],
    ['the datasource minimum when the interval is smaller', hour, 2_000, 15, 15],
    ['the interval when there is no minimum', hour, 2_000, 0, 2],
    [
      'range / 11000 for a long range with tiny intervals',
      7 * 24 * hour,
      1,
      0,
      Math.ceil((7 * 24 * 3600 * 1000) / MAX_SERIES_POINTS) / 1000,
    ],
    ['1 ms at the very least', 1000, 0, 0, 0.001],
  ])('takes %s', (_case, rangeMs, intervalMs, minStep, step) => {
    expect(metricsStep(rangeMs, intervalMs, minStep)).toBe(step);
  });

  it('never asks for more than 11000 points', () => {
    for (const rangeMs of [hour, 24 * hour, 7 * 24 * hour, 30 * 24 * hour + 17]) {
      expect(rangeMs / 1000 / metricsStep(rangeMs, 1, 0.001)).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    }
  });
});
