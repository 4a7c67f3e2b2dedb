export type Spread = {
  median: number;
  min: number;
  max: number;
  runs: number;
  values: number[];
  mean: number;
  /** Standard error of the mean (sample standard deviation / √runs); null for a single run. */
  standard_error: number | null;
};

/**
 * Median (mean of the middle two for an even count), range, count, mean and the mean's standard error of
 * `values`, rounded to `digits`. The standard error says how far a budget is from what the runs can resolve
 * (the A/A pairs here scatter by ±7 ms/s each), and lets runs be pooled.
 */
export function spread(values: readonly number[], digits = 2): Spread | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return {
    median: round(median(sorted), digits),
    min: round(sorted[0]!, digits),
    max: round(sorted[sorted.length - 1]!, digits),
    runs: values.length,
    values: values.map((value) => round(value, digits)),
    mean: round(mean, digits),
    standard_error: values.length > 1 ? round(Math.sqrt(variance / values.length), digits) : null,
  };
}

/** Median of `values` (mean of the middle two for an even count), unrounded; NaN when there are none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    return NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
