import { parseProfileTypeId } from './parseProfileTypeId';
import { profileUnit } from './profileUnit';

/** How to turn SelectSeries' per-step sums into what a graph should show: `shown = value × factor`. */
export type SeriesValueScale = { factor: number; unit: string; rate: boolean };

const secondsPerTimeUnit: Record<string, number> = {
  nanoseconds: 1e-9,
  microseconds: 1e-6,
  milliseconds: 1e-3,
  seconds: 1,
};

// Sample types that count events (or time) as they happen; their per-step sums depend on the step, so they
// are shown per second. Everything else (inuse_*, goroutines, Node's heap `space`/`objects`, unknown
// types) is a snapshot and is shown as it is.
const cumulativeTypes = new Set([
  'contentions',
  'exception',
  'exceptions',
  'samples',
  'sample',
  'cpu_samples',
  'lock_count',
]);

/**
 * The rule for a metrics query's values, as the core Pyroscope datasource shows them: cumulative types
 * become rates per second (unit `binBps` for bytes, `ops` for counts, the time unit for delays); CPU and
 * wall time become cores (time per second ÷ 1 s, unit `cores`, which Grafana prints as a suffix). Snapshot
 * types keep their values and sample unit.
 */
export function seriesValueScale(profileTypeId: string, stepSeconds: number): SeriesValueScale {
  const type = parseProfileTypeId(profileTypeId);
  const sampleType = type?.sampleType ?? '';
  const sampleUnit = type?.sampleUnit ?? '';
  const unit = profileUnit(sampleUnit);
  const timeUnitSeconds = secondsPerTimeUnit[sampleUnit];
  const cumulative =
    timeUnitSeconds !== undefined || sampleType.startsWith('alloc_') || cumulativeTypes.has(sampleType);
  if (!cumulative || !(stepSeconds > 0)) {
    return { factor: 1, unit, rate: false };
  }
  if (timeUnitSeconds !== undefined && (sampleType === 'cpu' || sampleType === 'wall')) {
    return { factor: timeUnitSeconds / stepSeconds, unit: 'cores', rate: true };
  }
  const rateUnit = unit === 'bytes' ? 'binBps' : unit === 'short' ? 'ops' : unit;
  return { factor: 1 / stepSeconds, unit: rateUnit, rate: true };
}
