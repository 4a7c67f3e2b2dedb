import React, { useMemo } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { type AppPluginMeta, type AppRootProps, PluginType, urlUtil } from '@grafana/data';
import { Alert } from '@grafana/ui';

import { plugin as appPlugin } from '../../../../src/module';
import appPluginJson from '../../../../src/plugin.json';

const APP_BASE = `/a/${appPluginJson.id}`;

/** The app's pages under /a/<app id>/, as Grafana's AppRootPage mounts the app's root component. */
export function AppScene() {
  return (
    <Routes>
      <Route path={`${APP_BASE}/*`} element={<AppRoot />} />
      <Route
        path="*"
        element={
          <Alert severity="error" title="Not an app route">
            The browser host shows the app under {APP_BASE}/…
          </Alert>
        }
      />
    </Routes>
  );
}

function AppRoot() {
  const location = useLocation();
  const meta = useMemo(
    (): AppPluginMeta => ({
      id: appPluginJson.id,
      name: appPluginJson.name,
      type: PluginType.app,
      info: { ...appPluginJson.info, links: [], screenshots: [] } as unknown as AppPluginMeta['info'],
      module: `public/plugins/${appPluginJson.id}/module.js`,
      baseUrl: `public/plugins/${appPluginJson.id}`,
      enabled: true,
      jsonData: {},
    }),
    []
  );
  const Root = appPlugin.root as React.ComponentType<AppRootProps> | undefined;
  if (!Root) {
    return <Alert title="The app has no root page" />;
  }
  return (
    <Root
      meta={meta}
      basename={APP_BASE}
      path={location.pathname}
      query={urlUtil.getUrlSearchParams()}
      onNavChanged={() => {}}
    />
  );
}
