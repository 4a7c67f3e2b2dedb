import { spread } from './spread';

describe('spread', () => {
  it('gives the median, range, mean and the standard error of the mean', () => {
    // Sample standard deviation of 2, 4, 4, 4, 5, 5, 7, 9 is √(32/7); its standard error √(32/7/8) ≈ 0.76.
    expect(spread([9, 2, 4, 4, 4, 5, 5, 7])).toEqual({
      median: 4.5,
      min: 2,
      max: 9,
      runs: 8,
      values: [9, 2, 4, 4, 4, 5, 5, 7],
      mean: 5,
      standard_error: 0.76,
    });
  });

  it('has no standard error for one run, and nothing for none', () => {
    expect(spread([3.14159])).toMatchObject({ median: 3.14, mean: 3.14, standard_error: null });
    expect(spread([])).toBeNull();
  });
});
