/** The datasource's settings cannot be used; `message` says which setting to change and how. */
export class SettingsError extends Error {
  /** The jsonData/secureJsonData key (or 'url') at fault. */
  readonly setting: string;

  constructor(setting: string, message: string) {
    super(message);
    this.name = 'SettingsError';
    this.setting = setting;
  }
}
