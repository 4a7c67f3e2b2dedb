import { sampleTotalText } from './sampleTotalText';

describe('sampleTotalText', () => {
  it.each([
    [250_000_000, 'nanoseconds', '250 ms'],
    [2_500_000_000, 'nanoseconds', '2.50 s'],
    [2048, 'bytes', '2 KiB'],
    [1500, 'count', '1.50 K'],
  ])('%d %s → %s', (total, unit, text) => {
    expect(sampleTotalText(total, unit)).toBe(text);
  });
});
