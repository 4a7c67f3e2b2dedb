import type { LinkGap } from './SpanLink';

/** What the page says when a trace link had to fall back (SpanLink.ts lists why each happens). */
export function describeGap(gap: LinkGap): string {
  switch (gap) {
    case 'profileId':
      return 'The span has no pyroscope.profile.id attribute (it is not a profiled root span, or its service sends no span labels): showing the whole service in its time window.';
    case 'spanStart':
      return "This Grafana version passes no span times to the link (Grafana 12.4 or newer does): showing the trace view's time range.";
    case 'spanEnd':
      return "Grafana passes no span duration to attribute links: the window ends one pad after the span's start. For long spans use \"Profiles for this trace\" in the trace's header, which knows every span's duration.";
    case 'service':
      return 'The span has no service.name attribute: choose the service.';
    case 'traceId':
      return 'This Grafana version passes no trace id to the link (Grafana 12.4 or newer does): there is no way back to the trace from here.';
  }
}
