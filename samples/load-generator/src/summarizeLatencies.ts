import { percentile } from './percentile';
import type { LatencySummary } from './types';

/** Count, mean, p50/p90/p99 (nearest rank) and max of latencies in ms, rounded to µs; zeros when empty. */
export function summarizeLatencies(latencies: readonly number[]): LatencySummary {
  if (latencies.length === 0) {
    return { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };
  }
  const sorted = Float64Array.from(latencies).sort();
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    mean: round(total / sorted.length),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]!),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
