export type Spread = { median: number; min: number; max: number; runs: number; values: number[] };

/** Median (mean of the middle two for an even count), range and count of `values`, rounded to `digits`. */
export function spread(values: readonly number[], digits = 2): Spread | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: round(median(sorted), digits),
    min: round(sorted[0]!, digits),
    max: round(sorted[sorted.length - 1]!, digits),
    runs: values.length,
    values: values.map((value) => round(value, digits)),
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
