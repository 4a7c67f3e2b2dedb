import { parseDuration } from './parseDuration';

describe('parseDuration', () => {
  it.each([
    ['1w', 604_800_000],
    ['24h', 86_400_000],
    ['-1h', -3_600_000],
    ['+30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['250ms', 250],
    ['2d', 172_800_000],
    ['0s', 0],
    [' 1h ', 3_600_000],
  ])('%j = %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '1', 'h', '1y', '1.5h', '1 h', '--1h', 'now-1h', '1h-30m'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
