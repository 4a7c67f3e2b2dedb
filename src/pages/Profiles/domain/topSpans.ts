import { type DataFrame, FieldType } from '@grafana/data';

import { SPAN_NAME_LABEL } from './topSpansQuery';

/** One root span name and its share of the service's profile metric over the range (0 … 1). */
export type TopSpan = { spanName: string; share: number };

/**
 * The span names of topSpansQuery's answer, most first, at most `count`. Series without a span name (samples
 * outside any traced request) count toward the total but are not listed.
 */
export function topSpans(frames: readonly DataFrame[], count = 10): TopSpan[] {
  const sums = frames.flatMap((frame) =>
    frame.fields
      .filter((field) => field.type === FieldType.number)
      .map((field) => ({
        spanName: field.labels?.[SPAN_NAME_LABEL] ?? '',
        sum: field.values.reduce((total: number, value: unknown) => total + (Number(value) || 0), 0),
      }))
  );
  const total = sums.reduce((all, { sum }) => all + sum, 0);
  if (total <= 0) {
    return [];
  }
  return sums
    .filter(({ spanName, sum }) => spanName !== '' && sum > 0)
    .sort((a, b) => b.sum - a.sum)
    .slice(0, count)
    .map(({ spanName, sum }) => ({ spanName, share: sum / total }));
}
