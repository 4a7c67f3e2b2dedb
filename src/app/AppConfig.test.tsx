import { type AppPluginMeta, type DataSourceInstanceSettings, PluginType } from '@grafana/data';
import { type DataSourceSrv, setBackendSrv, setDataSourceSrv } from '@grafana/runtime';
import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import { fakeBackendSrv } from '../datasource/testing/fakeBackendSrv';
import { AppConfig } from './AppConfig';
import type { AppSettings } from './AppSettings';

const tempo = {
  uid: 'tempo-b',
  name: 'Tempo B',
  type: 'tempo',
  meta: { id: 'tempo', name: 'Tempo', info: { logos: { small: '' } } },
} as unknown as DataSourceInstanceSettings;

function plugin(jsonData: AppSettings) {
  const meta = { id: 'emberlabs-profiles-app', type: PluginType.app, enabled: true, pinned: true, jsonData };
  return { meta: meta as unknown as AppPluginMeta<AppSettings> } as Parameters<typeof AppConfig>[0]['plugin'];
}

describe('AppConfig', () => {
  it("saves the Tempo datasource it shows as the app's tempoDatasourceUid, keeping its other settings", async () => {
    setDataSourceSrv({
      getInstanceSettings: (ref: unknown) =>
        ref === 'tempo-b' || (ref as { uid?: string })?.uid === 'tempo-b' ? tempo : undefined,
      getList: () => [tempo],
    } as unknown as DataSourceSrv);
    const { backendSrv, requests } = fakeBackendSrv(() => ({ data: {} }));
    setBackendSrv(backendSrv);
    render(<AppConfig plugin={plugin({ tempoDatasourceUid: 'tempo-b', other: 1 } as AppSettings)} query={{}} />);

    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    await screen.findByText('Saved');
    expect(requests).toEqual([
      expect.objectContaining({
        url: '/api/plugins/emberlabs-profiles-app/settings',
        method: 'POST',
        data: { enabled: true, pinned: true, jsonData: { tempoDatasourceUid: 'tempo-b', other: 1 } },
      }),
    ]);
  });

  it('says why saving failed', async () => {
    setDataSourceSrv({ getInstanceSettings: () => undefined, getList: () => [] } as unknown as DataSourceSrv);
    setBackendSrv(fakeBackendSrv(() => ({ status: 403, data: { message: 'Permission denied' } })).backendSrv);
    render(<AppConfig plugin={plugin({})} query={{}} />);

    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('The settings could not be saved')).toBeInTheDocument();
    expect(screen.getByText(/Permission denied/)).toBeInTheDocument();
  });
});
