import { type Browser } from 'playwright-core';

import { launchChromium } from '../host/launchChromium';
import { type HostPage, type RenderOptions, renderHost } from '../host/renderHost';
import { type HostOptions, type RunningHost, startHost } from '../host/startHost';

export type BrowserHost = {
  /** The running host, e.g. to add answers (`host().fixtures!.addQuery(…)` in a later beforeAll). */
  host(): RunningHost;
  /** Opens a page of the host; it closes after the test. */
  open(options: RenderOptions): Promise<HostPage>;
};

/**
 * The set-up every browser test file shares, as Jest hooks: one host and one Chromium for the file (both
 * start at once: bundling and launching take seconds each), and every page a test opened closed after it.
 */
export function useBrowserHost(options: HostOptions = {}): BrowserHost {
  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  let opened: HostPage[] = [];

  beforeAll(async () => {
    [host, browser] = await Promise.all([startHost(options), launchChromium()]);
  });

  afterEach(async () => {
    await Promise.all(opened.map((hostPage) => hostPage.close()));
    opened = [];
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const started = () => {
    if (!host || !browser) {
      throw new Error('useBrowserHost: the host is not running; call host() and open() inside tests or hooks');
    }
    return { host, browser };
  };

  return {
    host: () => started().host,
    open: async (renderOptions) => {
      const { host: running, browser: chromium } = started();
      const hostPage = await renderHost(chromium, running, renderOptions);
      opened.push(hostPage);
      return hostPage;
    },
  };
}
