const KEY = 'emberlabs-profiles-app.datasource';

/** The datasource last chosen on the page, kept in the browser (localStorage). */
export const rememberedDataSource = {
  get(): string | undefined {
    try {
      return window.localStorage.getItem(KEY) ?? undefined;
    } catch {
      return undefined;
    }
  },
  set(uid: string): void {
    try {
      window.localStorage.setItem(KEY, uid);
    } catch {
      // Storage may be full or forbidden (private windows); the URL still carries the choice.
    }
  },
};
