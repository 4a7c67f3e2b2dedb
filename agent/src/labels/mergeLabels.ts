import type { LabelPairs } from '../pprof/FlatProfile';

/** `base` overridden by `extra`, sorted by key. */
export function mergeLabels(base: LabelPairs | undefined, extra: Record<string, string | number>): LabelPairs {
  const merged = new Map<string, string>(base ?? []);
  for (const [key, value] of Object.entries(extra)) {
    merged.set(key, String(value));
  }
  return [...merged.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
