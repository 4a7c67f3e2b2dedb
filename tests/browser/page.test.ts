import { type Browser } from 'playwright-core';

import { launchChromium } from './host/launchChromium';
import { renderHost } from './host/renderHost';
import { type RunningHost, startHost } from './host/startHost';

let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  [host, browser] = await Promise.all([startHost(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('the app in the browser host', () => {
  it('mounts the app root under /a/emberlabs-profiles-app/ without errors', async () => {
    const { page, errors, state, close } = await renderHost(browser, host, {
      route: '/a/emberlabs-profiles-app/profiles',
    });
    try {
      await page.waitForFunction(() => (document.getElementById('root')?.innerText ?? '').trim().length > 0);
      expect(await page.getByText('The host caught a render error').count()).toBe(0);
      expect((await state()).errors).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
