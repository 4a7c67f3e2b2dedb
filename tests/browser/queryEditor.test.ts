import { type Browser } from 'playwright-core';

import { launchChromium } from './host/launchChromium';
import { renderHost } from './host/renderHost';
import { type RunningHost, startHost } from './host/startHost';
import { RECORDED_QUERIES } from './support/recordedData';

let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  [host, browser] = await Promise.all([startHost(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('query editor in the browser host', () => {
  it("renders the datasource's query editor for a recorded query without errors", async () => {
    const { page, errors, state, close } = await renderHost(browser, host, {
      queryEditor: { query: { refId: 'A', ...RECORDED_QUERIES['profile-checkout-cpu'] } },
    });
    try {
      await page.getByLabel('Query editor row A').waitFor();
      expect(await page.getByLabel('Query editor row A').innerText()).toContain('Emberlabs Pyroscope');
      expect((await state()).errors).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
