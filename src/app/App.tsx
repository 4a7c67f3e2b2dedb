import { type AppRootProps } from '@grafana/data';
import React from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';

import { PLUGIN_BASE_URL, ROUTES } from '../constants';
import { ProfilesPage } from '../pages/Profiles/ProfilesPage';
import type { AppSettings } from './AppSettings';

/** The app's routes, relative to /a/emberlabs-profiles-app; everything else goes to the Profiles page. */
export function App({ meta }: AppRootProps<AppSettings>) {
  return (
    <Routes>
      <Route path={ROUTES.Profiles} element={<ProfilesPage tempoDatasource={meta.jsonData?.tempoDatasourceUid} />} />
      <Route path="*" element={<Navigate to={`${PLUGIN_BASE_URL}/${ROUTES.Profiles}`} replace />} />
    </Routes>
  );
}
