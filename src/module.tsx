import { AppPlugin, type AppRootProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import React, { lazy, Suspense } from 'react';

const LazyApp = lazy(() => import('./app/App').then((m) => ({ default: m.App })));

function AppRoot(props: AppRootProps) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading Profiles" />}>
      <LazyApp {...props} />
    </Suspense>
  );
}

export const plugin = new AppPlugin<{}>().setRootPage(AppRoot);
