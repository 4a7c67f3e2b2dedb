import React from 'react';
import { type AppRootProps } from '@grafana/data';
import { Alert } from '@grafana/ui';

// The Profiles page lands here; until then the app points users at the datasource, which already serves
// Explore, dashboards and alerting.
export function App(_props: AppRootProps) {
  return (
    <Alert severity="info" title="Profiles">
      Add an “Emberlabs Pyroscope” data source, then query flame graphs, diffs and profile metrics from Explore,
      dashboards and alert rules.
    </Alert>
  );
}
