import { SpanStatusCode, type Tracer } from '@opentelemetry/api';

/**
 * Runs one synchronous step of a request inside its own child span, so a trace shows where the time went.
 * The step is passed as a function plus its arguments, not wrapped in a closure of the caller's. V8 still
 * inlines it where this helper is inlined into a caller (`--trace-turbo-inlining` shows `convolveImage` inside
 * `processImage`); profiles name it all the same, because V8's CPU profiler maps inlined code back to its
 * functions (a sampler that only sees code addresses would charge it to the caller: agent/MEASUREMENTS.md,
 * session 16).
 */
export function inChildSpan<A extends unknown[], T>(
  tracer: Tracer,
  name: string,
  step: (...args: A) => T,
  ...args: A
): T {
  return tracer.startActiveSpan(name, (span) => {
    try {
      return step(...args);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
