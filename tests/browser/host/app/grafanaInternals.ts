/**
 * Setters Grafana's own frontend calls through @grafana/runtime's internal entry, which the published
 * package does not export: the host imports the very module files it would (an alias set in buildHost.ts
 * and, for types, in app/tsconfig.json), so the plugin's imports of @grafana/runtime see what they install.
 */
export { setPluginPage } from '@grafana/runtime-internal/components/PluginPage';
export { setGetObservablePluginLinks } from '@grafana/runtime-internal/services/pluginExtensions/getObservablePluginLinks';
export { setGetObservablePluginComponents } from '@grafana/runtime-internal/services/pluginExtensions/getObservablePluginComponents';
