import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Browser } from 'playwright-core';

import { launchChromium } from './host/launchChromium';
import { type RenderOptions, renderHost } from './host/renderHost';
import { type RunningHost, startHost } from './host/startHost';
import { checkoutDiffRoute } from './support/checkoutDiffRoute';
import { PROFILES_PATH } from './support/profilesRoute';
import { RECORDED_QUERIES } from './support/recordedData';
import { addSpanFixture, readSpanFixture } from './support/spanFixture';

const REPO = join(__dirname, '..', '..');
const OUT = join(REPO, 'docs', 'screenshots');

type Shot = {
  file: string;
  options: RenderOptions;
  /** Only this element, else the window. */
  element?: string;
  /** Answers the shot needs beyond the default fixtures (added just before it: they may replace some). */
  prepare?: (host: RunningHost) => void;
};

const SHOTS: Shot[] = [
  {
    file: 'panel-flame-graph.png',
    element: '[data-testid="host-panel"]',
    options: {
      panel: { title: 'payments · CPU', queries: [RECORDED_QUERIES['profile-payments-cpu']], width: 1400, height: 640 },
    },
  },
  {
    file: 'panel-diff.png',
    element: '[data-testid="host-panel"]',
    options: {
      panel: {
        title: 'checkout · CPU · 1.0 → 1.1',
        queries: [RECORDED_QUERIES['diff-checkout-cpu-versions']],
        width: 1400,
        height: 640,
      },
    },
  },
  {
    file: 'panel-diff-absolute.png',
    element: '[data-testid="host-panel"]',
    options: {
      panel: {
        title: 'checkout · CPU · 1.0 → 1.1 (absolute colours)',
        queries: [RECORDED_QUERIES['diff-checkout-cpu-versions']],
        options: { diffColouring: 'absolute', view: 'flameGraph' },
        width: 1400,
        height: 420,
      },
    },
  },
  {
    file: 'query-editor.png',
    element: '[aria-label="Query editor row A"]',
    options: { queryEditor: { query: { refId: 'A', ...RECORDED_QUERIES['profile-checkout-cpu'] } } },
  },
  { file: 'page.png', options: { route: PROFILES_PATH } },
  {
    file: 'page-diff.png',
    options: {
      // checkout 1.0 against 1.1 on the page: both sides' selections and metrics over the diff flame graph.
      route: checkoutDiffRoute(),
      viewport: { width: 1480, height: 1300 },
    },
  },
  {
    file: 'trace-link.png',
    options: { route: readSpanFixture().route, viewport: { width: 1480, height: 1480 } },
    prepare: (host) => addSpanFixture(host.fixtures!),
  },
];

/**
 * `npm run screenshots`: PNGs of the panel (single and diff), the query editor and the Profiles page (single
 * and diff) into docs/screenshots/, rendered by the browser host from the recorded fixtures in Grafana's
 * dark theme.
 */
async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const [host, browser] = await Promise.all([startHost(), launchChromium()]);
  try {
    for (const shot of SHOTS) {
      shot.prepare?.(host);
      await takeShot(browser, host, shot);
    }
  } finally {
    await browser.close();
    await host.close();
  }
}

async function takeShot(browser: Browser, host: RunningHost, shot: Shot): Promise<void> {
  const { page, close } = await renderHost(browser, host, { viewport: { width: 1480, height: 900 }, ...shot.options });
  try {
    // Fonts and icons arrive after the first render.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');
    const file = join(OUT, shot.file);
    if (shot.element) {
      await page.locator(shot.element).screenshot({ path: file });
    } else {
      await page.screenshot({ path: file });
    }
    process.stdout.write(`${relative(REPO, file)}\n`);
  } finally {
    await close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit.call(process, 1);
});
