import { formattedValueToString, getValueFormat } from '@grafana/data';

/** Grafana's value formats for Pyroscope's sample units. */
const FORMATS: Record<string, string> = { nanoseconds: 'ns', bytes: 'bytes' };

/** A total of samples as text in its unit: 250000000 nanoseconds → "250 ms"; counts as plain numbers. */
export function sampleTotalText(total: number, unit: string): string {
  return formattedValueToString(getValueFormat(FORMATS[unit] ?? 'short')(total));
}
