/** More points than this per series and Pyroscope refuses the SelectSeries call. */
export const MAX_SERIES_POINTS = 11000;

/**
 * The SelectSeries step in seconds: Grafana's interval for the panel, never below the datasource's minimum
 * step, never so small that the range holds more than MAX_SERIES_POINTS steps, never below Pyroscope's 1 ms.
 */
export function metricsStep(rangeMs: number, intervalMs: number, minStepSeconds: number): number {
  const step = Math.max(intervalMs / 1000, minStepSeconds, rangeMs / 1000 / MAX_SERIES_POINTS, 0.001);
  return Math.ceil(step * 1000) / 1000;
}
