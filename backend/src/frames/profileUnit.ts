// Grafana unit ids (@grafana/data valueFormats) for Pyroscope's sample units. The flame graph names its
// tooltip row after these ('bytes' → RAM, 'ns' → Time, anything else → Count).
const units: Record<string, string> = {
  nanoseconds: 'ns',
  microseconds: 'µs',
  milliseconds: 'ms',
  seconds: 's',
  bytes: 'bytes',
  count: 'short',
};

/** The Grafana unit id for a profile type's sample unit (`nanoseconds` → `ns`); unknown units count as 'short'. */
export function profileUnit(sampleUnit: string): string {
  return units[sampleUnit] ?? 'short';
}
