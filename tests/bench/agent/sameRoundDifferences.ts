/**
 * `minuend − subtrahend` for every round both have a figure for (rounds missing on either side, a failed
 * pair, are skipped). Two configs' pairs of one round run one right after the other, so the machine's drift
 * between rounds (V8's sampler alone cost 11–18 ms/s over one half-hour run here) mostly cancels in each
 * difference, which the difference of the two medians would keep.
 */
export function sameRoundDifferences(
  minuend: ReadonlyMap<number, number>,
  subtrahend: ReadonlyMap<number, number>
): number[] {
  return [...minuend].flatMap(([round, value]) => {
    const other = subtrahend.get(round);
    return other === undefined ? [] : [value - other];
  });
}
