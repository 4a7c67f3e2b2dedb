import { parseProfileTypeId } from '../frames/parseProfileTypeId';
import type { ProfileQuerier } from '../pyroscope/types';
import { mapConcurrently } from './mapConcurrently';
import type { SpanCpuRequest } from './parseSpanCpuRequest';

/** Per span the total of its samples; `serviceTotal` is every sample of the selector over the same window. */
export type SpanCpuAnswer = {
  spans: Array<{ spanId: string; total: number }>;
  serviceTotal: number;
  /** The sample unit of the profile type (`nanoseconds` for CPU). */
  unit: string;
};

/** Pyroscope calls in flight per span-cpu request: enough to finish a page of spans, few enough to be polite. */
const CONCURRENCY = 4;

/**
 * The total of each span's samples, one SelectMergeSpanProfile per span (Pyroscope keeps `span_id` per sample
 * and merges the spans it is given into one profile, so a total per span takes a call per span). The window
 * is widened by `padMs` on each side, as span-selector queries are: a span's samples arrive with the upload
 * after it ended. Only totals are needed, so the flame graphs are cut to one node. Answers in the request's
 * order; the first failing call fails the request and cancels the others.
 */
export async function spanCpu(
  querier: ProfileQuerier,
  request: SpanCpuRequest,
  padMs: number,
  signal: AbortSignal
): Promise<SpanCpuAnswer> {
  const { profileTypeId, labelSelector } = request;
  const window = { startMs: request.window.startMs - padMs, endMs: request.window.endMs + padMs };
  const calls = new AbortController();
  const cancel = () => calls.abort();
  signal.addEventListener('abort', cancel);
  try {
    const merge = (spanSelector?: string[]) =>
      querier
        .mergeStacktraces({ profileTypeId, labelSelector, window, maxNodes: 1, spanSelector }, calls.signal)
        .then((graph) => graph.total);
    const [serviceTotal, totals] = await Promise.all([
      merge(),
      mapConcurrently(request.spanIds, CONCURRENCY, (spanId) => merge([spanId])),
    ]).catch((err: unknown) => {
      cancel();
      throw err;
    });
    return {
      spans: request.spanIds.map((spanId, index) => ({ spanId, total: totals[index]! })),
      serviceTotal,
      unit: parseProfileTypeId(profileTypeId)?.sampleUnit ?? '',
    };
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
