import React from 'react';
import { createRoot } from 'react-dom/client';
import { type DataSourceApi, type DataSourceInstanceSettings, type DataSourcePluginMeta } from '@grafana/data';

import { plugin as datasourcePlugin } from '../../../../src/datasource/module';
import datasourcePluginJson from '../../../../src/datasource/plugin.json';
import { HOST_DATASOURCE, type HostSpec } from '../hostSpec';
import { HostApp } from './HostApp';
import { markReady, recordError } from './hostState';
import { installRuntimeServices } from './installRuntimeServices';

declare global {
  interface Window {
    __HOST_SPEC__?: HostSpec;
  }
}

const spec = window.__HOST_SPEC__ ?? {};
window.addEventListener('error', (event) => recordError(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => recordError(event.reason));

const settings: DataSourceInstanceSettings = {
  ...HOST_DATASOURCE,
  type: datasourcePluginJson.id,
  meta: {
    ...datasourcePluginJson,
    module: 'public/plugins/emberlabs-profiles-datasource/module.js',
    baseUrl: '',
  } as unknown as DataSourcePluginMeta,
  jsonData: {},
  access: 'proxy',
  readOnly: true,
};
const datasource = installRuntimeServices(
  settings,
  (instanceSettings) => new datasourcePlugin.DataSourceClass(instanceSettings as never) as unknown as DataSourceApi
);

if (!spec.panel) {
  // Pages and editors are ready once rendered; the panel says so when its data arrived.
  requestAnimationFrame(() => requestAnimationFrame(markReady));
}
createRoot(document.getElementById('root')!).render(<HostApp spec={spec} datasource={datasource} />);
