/**
 * The context of `grafana/traceview/header/actions`: Grafana's `Trace` (times in µs, ids in hex) plus the
 * trace datasource. Grafana does not export this type (public/app/features/explore/TraceView/components/
 * types/trace.ts), so only the fields we read are declared.
 */
export type TraceViewContext = {
  traceID: string;
  spans: TraceViewSpan[];
  datasource?: { uid: string; type?: string; name?: string };
};

export type TraceViewSpan = {
  spanID: string;
  traceID: string;
  operationName: string;
  /** Epoch µs. */
  startTime: number;
  /** µs. */
  duration: number;
  /** Span attributes. */
  tags: Array<{ key: string; value: unknown }>;
  /** `tags`: resource attributes. */
  process: { serviceName: string; tags: Array<{ key: string; value: unknown }> };
};
