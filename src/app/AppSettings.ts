/** The app's own settings (its `jsonData`, set on its configuration page or by provisioning). */
export type AppSettings = {
  /** The Tempo datasource that "Spans with the most CPU" opens traces in. */
  tempoDatasourceUid?: string;
};
