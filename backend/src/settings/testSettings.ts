import type { DatasourceSettings } from './DatasourceSettings';

/** Settings as parseSettings yields them for a plain URL, for tests that talk to a local server. */
export function testSettings(url: string, overrides: Partial<DatasourceSettings> = {}): DatasourceSettings {
  return {
    url,
    auth: { mode: 'none' },
    headers: {},
    timeoutMs: 5000,
    spanWindowPadMs: 60000,
    minStepSeconds: 15,
    compression: 'auto',
    ...overrides,
  };
}
