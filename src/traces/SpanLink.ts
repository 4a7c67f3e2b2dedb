/**
 * What a link from Grafana's trace view knows about the span (or trace) it was clicked on, already in
 * our units (epoch ms, lower-case hex ids). Built by the `from*` adapters, turned into a URL by
 * `profilesLinkUrl`.
 */
export type SpanLink = {
  /** `service.name` of the span's resource, which our agent and Pyroscope's SDKs send as `service_name`. */
  service?: string;
  /** Span ids whose samples to show (local roots' `pyroscope.profile.id`); empty: the service's whole window. */
  spanSelector: string[];
  /** The span the link was clicked on, and its trace: the page names them and links back. */
  spanId?: string;
  spanName?: string;
  traceId?: string;
  /** The trace datasource's uid, for the way back to the trace in Explore. */
  traceDatasource?: string;
  /** The span's (or trace's) own time, epoch ms, before padding. */
  startMs: number;
  endMs: number;
  /** What Grafana did not pass, so the link fell back (the page says so). */
  gaps: LinkGap[];
};

/**
 * - `profileId`: the span has no valid `pyroscope.profile.id`: the service's whole window instead of the span.
 * - `spanStart`: no span times (Grafana before ≈12.4): the trace view's time range instead.
 * - `spanEnd`: no span duration (resource attribute links never get one): the window ends a pad after the start.
 * - `service`: no `service.name`: the page picks a service.
 * - `traceId`: no trace id: no way back to the trace.
 */
export type LinkGap = 'profileId' | 'spanStart' | 'spanEnd' | 'service' | 'traceId';
