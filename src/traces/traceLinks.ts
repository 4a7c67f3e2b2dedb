/**
 * Every link the app adds to Grafana: title, description and targets. plugin.json's
 * `extensions.addedLinks` must declare each with the same title and targets, or Grafana does not
 * register it (registerTraceLinks.test.ts checks they agree).
 */
export const TRACE_LINKS = {
  spanProfile: {
    title: 'Span profile',
    description: "Open this span's own CPU samples in Emberlabs Profiles",
    targets: ['grafana/traceview/resource-attributes'],
  },
  serviceProfile: {
    title: 'Service profile around this span',
    description: "Open this service's profile over the span's time window in Emberlabs Profiles",
    targets: ['grafana/traceview/resource-attributes'],
  },
  traceProfile: {
    title: 'Profiles for this trace',
    description: "Open the profile of this trace's spans in Emberlabs Profiles",
    targets: ['grafana/traceview/header/actions'],
  },
  openInProfiles: {
    title: 'Open in Profiles',
    description: 'Open this query in the Emberlabs Profiles page',
    targets: ['grafana/explore/toolbar/action', 'grafana/dashboard/panel/menu'],
  },
} as const;
