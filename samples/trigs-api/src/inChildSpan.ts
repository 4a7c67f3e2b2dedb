import { SpanStatusCode, type Tracer } from '@opentelemetry/api';

/**
 * Runs one synchronous step of a request inside its own child span, so a trace shows where the time went.
 * The step is passed as a function plus its arguments, not wrapped in a closure: this call site then sees
 * many functions, so V8 does not inline any of them into it, and profiles name the step itself (an inlined
 * `convolveImage` would be sampled as the anonymous closure around it).
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
