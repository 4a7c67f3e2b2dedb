import { median } from './spread';

/**
 * A switchback run's figure from its blocks' extras (ms/s of the profiling process against the other, in block
 * order; the profiling process alternates): the median over every two neighbouring blocks of their mean.
 *
 * Two processes differ by an offset of their own (one runs 3–4× the other's mark-compacts for minutes: V8's
 * GC regimes, agent/MEASUREMENTS.md session 7), which adds to the blocks of one process and takes from the
 * other's. Two neighbours hold one block of each, so the offset cancels in their mean as long as it holds for
 * those two blocks; where it changes (a process switching GC regimes, a drift), only the pairs across the change
 * are off, and the median passes them over. The plain mean over all blocks carries every change.
 */
export function switchbackEstimate(blockExtras: readonly number[]): number {
  if (blockExtras.length < 2) {
    throw new Error(`a switchback estimate needs at least 2 blocks, got ${blockExtras.length}`);
  }
  return median(blockExtras.slice(1).map((extra, index) => (blockExtras[index]! + extra) / 2));
}
