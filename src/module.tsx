import { AppPlugin, type AppRootProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import React, { lazy, Suspense } from 'react';

import { AppConfig } from './app/AppConfig';
import type { AppSettings } from './app/AppSettings';
import { registerTraceLinks } from './traces/registerTraceLinks';

const LazyApp = lazy(() => import('./app/App').then((m) => ({ default: m.App })));

function AppRoot(props: AppRootProps<AppSettings>) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading Profiles" />}>
      <LazyApp {...props} />
    </Suspense>
  );
}

export const plugin = registerTraceLinks(
  new AppPlugin<AppSettings>()
    .setRootPage(AppRoot)
    .addConfigPage({ title: 'Configuration', icon: 'cog', id: 'configuration', body: AppConfig })
);
