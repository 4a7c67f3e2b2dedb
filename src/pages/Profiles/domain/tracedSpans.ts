import { spanIdOf } from '../../../traces/spanIdOf';
import { traceIdOf } from '../../../traces/traceIdOf';

/** One span found in Tempo, with what the page shows of it. */
export type TracedSpan = { traceId: string; spanId: string; name: string; startMs: number; durationMs: number };

/** What span-cpu takes per call. */
export const MAX_TRACED_SPANS = 100;

type TempoSpan = { spanID?: unknown; name?: unknown; startTimeUnixNano?: unknown; durationNanos?: unknown };
type TempoSpanSet = { spans?: TempoSpan[] };
type TempoTrace = { traceID?: unknown; spanSets?: TempoSpanSet[]; spanSet?: TempoSpanSet };

/**
 * The spans of a Tempo search answer (`traces[].spanSets[].spans[]`; older Tempo: one `spanSet`), each once,
 * at most `MAX_TRACED_SPANS`, in Tempo's order. Tempo drops leading zeros of ids in search answers, so they
 * are padded back; spans without a usable id are skipped (Pyroscope would reject the whole call).
 */
export function tracedSpans(answer: unknown): TracedSpan[] {
  const traces = (answer as { traces?: TempoTrace[] } | null)?.traces ?? [];
  const spans = new Map<string, TracedSpan>();
  for (const trace of traces) {
    const traceId = traceIdOf(String(trace.traceID ?? '').padStart(32, '0'));
    const sets = trace.spanSets ?? (trace.spanSet ? [trace.spanSet] : []);
    for (const span of sets.flatMap((set) => set.spans ?? [])) {
      const spanId = spanIdOf(String(span.spanID ?? '').padStart(16, '0'));
      if (traceId === undefined || spanId === undefined || spans.has(spanId)) {
        continue;
      }
      spans.set(spanId, {
        traceId,
        spanId,
        name: typeof span.name === 'string' ? span.name : '',
        startMs: nanosToMs(span.startTimeUnixNano),
        durationMs: nanosToMs(span.durationNanos),
      });
    }
  }
  return [...spans.values()].slice(0, MAX_TRACED_SPANS);
}

/** Tempo sends uint64 nanoseconds as decimal text. */
function nanosToMs(value: unknown): number {
  const nanos = Number(value);
  return Number.isFinite(nanos) ? nanos / 1e6 : 0;
}
