/** Plugin IDs and routes shared by the app, its page and its nested plugins. */
export const APP_ID = 'emberlabs-profiles-app';
export const DATASOURCE_TYPE = 'emberlabs-profiles-datasource';
export const PANEL_TYPE = 'emberlabs-profiles-panel';

export const PLUGIN_BASE_URL = `/a/${APP_ID}`;

export enum ROUTES {
  Profiles = 'profiles',
}
