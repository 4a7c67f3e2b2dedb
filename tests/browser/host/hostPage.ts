import { HOST_DATASOURCE } from './hostSpec';

/**
 * The page Grafana would serve: boot data (user, theme from the spec, the provisioned datasource) before the
 * bundle, since @grafana/runtime's `config` reads it when the bundle starts.
 */
export function hostPage(): string {
  const datasourceSettings = {
    ...HOST_DATASOURCE,
    type: 'emberlabs-profiles-datasource',
    access: 'proxy',
    jsonData: {},
    readOnly: true,
    meta: { id: 'emberlabs-profiles-datasource', type: 'datasource', name: HOST_DATASOURCE.name, backend: true },
  };
  const bootData = {
    settings: {
      appSubUrl: '',
      appUrl: 'http://localhost:3000/',
      buildInfo: { version: '13.1.1', edition: 'Open Source', env: 'production', commit: 'host' },
      datasources: { [HOST_DATASOURCE.name]: datasourceSettings },
      defaultDatasource: HOST_DATASOURCE.name,
      featureToggles: {},
      namespace: 'default',
      panels: {},
    },
    user: {
      id: 1,
      login: 'admin',
      name: 'admin',
      isSignedIn: true,
      orgId: 1,
      orgName: 'Main Org.',
      orgRole: 'Admin',
      theme: 'dark',
      timezone: 'utc',
      locale: 'en-US',
      language: 'en-US',
    },
    navTree: [],
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Emberlabs Profiles · browser host</title>
    <link rel="stylesheet" href="/host.css" />
    <style>html, body, #root { height: 100%; margin: 0; }</style>
    <script>
      window.grafanaBootData = ${JSON.stringify(bootData)};
      window.grafanaBootData.user.theme = (window.__HOST_SPEC__ && window.__HOST_SPEC__.theme) || 'dark';
      window.__grafana_public_path__ = '/public/';
    </script>
  </head>
  <body>
    <div id="root"></div>
    <script src="/host.js"></script>
  </body>
</html>
`;
}
