import type { SpanCpuAnswer } from '../../../datasource/types';
import type { TracedSpan } from './tracedSpans';

/** A traced span with its samples' total and its share of the service's (0 … 1). */
export type TracedSpanCpu = TracedSpan & { total: number; share: number };

/**
 * The spans with the largest totals, most first, at most `count`. Spans without samples (too short for the
 * sampling rate, or outside the page's filters) are left out.
 */
export function topTracedSpans(spans: readonly TracedSpan[], answer: SpanCpuAnswer, count = 10): TracedSpanCpu[] {
  const totals = new Map(answer.spans.map(({ spanId, total }) => [spanId, total]));
  return spans
    .map((span) => {
      const total = totals.get(span.spanId) ?? 0;
      return { ...span, total, share: answer.serviceTotal > 0 ? total / answer.serviceTotal : 0 };
    })
    .filter(({ total }) => total > 0)
    .sort((a, b) => b.total - a.total)
    .slice(0, count);
}
