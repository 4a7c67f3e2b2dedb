import { activeSink } from '../labels/activeSink';
import { LabelContext } from '../labels/LabelContext';
import { currentLabelContext, labelStorage } from '../labels/labelStorage';

/** The span attribute Tempo looks for to offer "Profiles for this span". */
export const PROFILE_ID_ATTRIBUTE = 'pyroscope.profile.id';

/** The parts of an OpenTelemetry span this processor touches (structural, so the SDK stays optional). */
export type ProcessedSpan = {
  spanContext(): { spanId: string; traceFlags: number };
  setAttribute(key: string, value: string): unknown;
  readonly name?: string;
};

type OtelApi = {
  trace: { getSpanContext(context: unknown): { spanId: string; isRemote?: boolean } | undefined };
  isSpanContextValid(spanContext: { spanId: string; traceId?: string }): boolean;
};

const SAMPLED = 1;
const SPAN_LABELS = new Set(['span_id', 'span_name']);

/**
 * An OpenTelemetry `SpanProcessor` for span profiles. On each sampled local root span (no parent, or a
 * remote one) it sets `pyroscope.profile.id` to the span id and labels the CPU samples taken in that span's
 * async context with `span_id` and `span_name` until the span ends. Child spans share their root's labels.
 * Add it to your tracer provider's `spanProcessors`; it does nothing while no agent is running.
 */
export class PyroscopeSpanProcessor {
  private readonly contexts = new WeakMap<object, LabelContext>();
  private api: OtelApi | null | undefined;

  onStart(span: ProcessedSpan, parentContext: unknown): void {
    try {
      const sink = activeSink();
      if (sink === undefined) {
        return;
      }
      const spanContext = span.spanContext();
      if ((spanContext.traceFlags & SAMPLED) === 0 || !this.isLocalRoot(parentContext)) {
        return;
      }
      const spanId = spanContext.spanId;
      span.setAttribute(PROFILE_ID_ATTRIBUTE, spanId);
      const own: Record<string, string> =
        typeof span.name === 'string' && span.name !== ''
          ? { span_id: spanId, span_name: span.name }
          : { span_id: spanId };
      // A root span is nobody's child: it keeps enclosing withLabels labels but not another span's, and has
      // no parent (two roots started from one function, e.g. Promise.all, must not nest). Its label pairs are
      // built only if a sample lands in it.
      const enclosing = currentLabelContext();
      const inherited = enclosing?.pairs.filter(([key]) => !SPAN_LABELS.has(key));
      const context = new LabelContext(undefined, inherited, own);
      sink.open(context);
      this.contexts.set(span, context);
      // The span's code runs from here on (the instrumentation activates the span right after starting it);
      // everything it schedules inherits this context.
      labelStorage.enterWith(context);
      sink.activate(context);
    } catch {
      // never disturb tracing
    }
  }

  onEnd(span: object): void {
    try {
      const context = this.contexts.get(span);
      if (context !== undefined) {
        this.contexts.delete(span);
        const sink = activeSink();
        if (sink !== undefined) {
          sink.close(context);
        } else if (!context.closed) {
          context.endUs = -Infinity; // no agent to time it: closed before any sample it could see
        }
      }
    } catch {
      // never disturb tracing
    }
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  private isLocalRoot(parentContext: unknown): boolean {
    if (this.api === undefined) {
      try {
        this.api = require('@opentelemetry/api') as OtelApi;
      } catch {
        this.api = null;
      }
    }
    if (this.api === null) {
      return true;
    }
    const parent = this.api.trace.getSpanContext(parentContext);
    return parent === undefined || !this.api.isSpanContextValid(parent) || parent.isRemote === true;
  }
}

/** A new `PyroscopeSpanProcessor`. */
export function createSpanProcessor(): PyroscopeSpanProcessor {
  return new PyroscopeSpanProcessor();
}
