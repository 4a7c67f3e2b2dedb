import { type Browser, type Page } from 'playwright-core';

import { type HostSpec, type HostState } from './hostSpec';
import { type RunningHost } from './startHost';

export type RenderOptions = HostSpec & {
  /** The URL path (and query) to open, e.g. '/a/emberlabs-profiles-app/profiles?service=checkout'. */
  route?: string;
  /** The browser window; 1440×900 at device pixel ratio 1 unless given. */
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
};

/** A page of the host; `errors` collects uncaught page errors, which tests should expect to stay empty. */
export type HostPage = { page: Page; errors: string[]; state(): Promise<HostState>; close(): Promise<void> };

/**
 * Opens the host in a fresh browser context at `route` with `spec` and waits until it says it is ready
 * (the panel: its data arrived and rendered; a page or editor: rendered once).
 */
export async function renderHost(browser: Browser, host: RunningHost, options: RenderOptions = {}): Promise<HostPage> {
  const { route = '/', viewport = { width: 1440, height: 900 }, deviceScaleFactor = 1, ...spec } = options;
  const context = await browser.newContext({ viewport, deviceScaleFactor, locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  // Scripts run through tsx are compiled with esbuild's keepNames, so functions they hand to page.evaluate
  // call its __name helper: give the page a harmless one.
  await page.addInitScript('window.__name = window.__name || ((fn) => fn);');
  await page.addInitScript((hostSpec: HostSpec) => {
    (window as unknown as { __HOST_SPEC__: HostSpec }).__HOST_SPEC__ = hostSpec;
  }, spec);
  await page.goto(`${host.url}${route}`);
  await page.waitForFunction(() => (window as unknown as { __HOST__?: HostState }).__HOST__?.ready === true);
  return {
    page,
    errors,
    state: () => page.evaluate(() => (window as unknown as { __HOST__: HostState }).__HOST__),
    close: () => context.close(),
  };
}
