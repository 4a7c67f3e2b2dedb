import { of } from 'rxjs';
import { type DataSourceApi, type DataSourceInstanceSettings, EventBusSrv } from '@grafana/data';
import {
  type EchoSrv,
  setAppEvents,
  setBackendSrv,
  setDataSourceSrv,
  setEchoSrv,
  setPluginComponentHook,
  setPluginComponentsHook,
  setPluginFunctionsHook,
  setPluginLinksHook,
  setTemplateSrv,
} from '@grafana/runtime';

import { setGetObservablePluginComponents, setGetObservablePluginLinks, setPluginPage } from './grafanaInternals';
import { HostBackendSrv } from './HostBackendSrv';
import { HostDataSourceSrv } from './HostDataSourceSrv';
import { HostPluginPage } from './HostPluginPage';
import { HostTemplateSrv } from './HostTemplateSrv';

/**
 * Installs the services Grafana's frontend installs at boot (public/app/app.ts) through @grafana/runtime's
 * setters: requests, the datasource registry, templating, page chrome and an empty plugin-extension
 * registry. `config` comes from window.grafanaBootData, which the page sets before this bundle runs, and
 * locationService is @grafana/runtime's own (browser history; it refuses replacement outside tests).
 */
export function installRuntimeServices<T extends DataSourceApi>(
  settings: DataSourceInstanceSettings,
  createDatasource: (settings: DataSourceInstanceSettings) => T
): T {
  setBackendSrv(new HostBackendSrv());
  setTemplateSrv(new HostTemplateSrv());
  setAppEvents(new EventBusSrv());
  setEchoSrv(silentEcho);
  setPluginPage(HostPluginPage);
  setPluginLinksHook(() => ({ links: [], isLoading: false }));
  setPluginComponentsHook(() => ({ components: [], isLoading: false }));
  setPluginComponentHook(() => ({ component: null, isLoading: false }));
  setPluginFunctionsHook(() => ({ functions: [], isLoading: false }));
  setGetObservablePluginLinks(() => of([]));
  setGetObservablePluginComponents(() => of([]));
  // Last: a datasource may take services (getTemplateSrv()) in its constructor.
  const datasource = createDatasource(settings);
  setDataSourceSrv(new HostDataSourceSrv(datasource, settings));
  return datasource;
}

/** Interaction reports (reportInteraction) go nowhere, as in a Grafana without analytics. */
const silentEcho: EchoSrv = {
  flush: () => {},
  addBackend: () => {},
  addEvent: () => {},
};
