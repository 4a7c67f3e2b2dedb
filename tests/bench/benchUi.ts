import { launchChromium } from '../browser/host/launchChromium';
import { renderHost } from '../browser/host/renderHost';
import { startHost } from '../browser/host/startHost';
import { CPU } from '../browser/support/recordedData';
import { syntheticProfileBody } from '../browser/support/syntheticFrames';

const NODES = 16_384;
const RUNS = 9;

/**
 * `npm run bench:ui`: how long a 16,384-node flame graph takes from its frames reaching the panel (the
 * datasource's query() answered with Grafana's /api/ds/query JSON) to the first animation frame with the
 * flame graph drawn on its canvas, in Chromium, on a fresh page each run. Prints one JSON object.
 */
async function main(): Promise<void> {
  const [host, browser] = await Promise.all([startHost(), launchChromium()]);
  try {
    const query = { queryType: 'profile', profileTypeId: CPU, labelSelector: '{service_name="bench"}' };
    host.fixtures!.addQuery(query, syntheticProfileBody(NODES));
    const renderMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const hostPage = await renderHost(browser, host, { panel: { queries: [query], width: 1600, height: 800 } });
      await hostPage.page.waitForFunction(
        () => (window as unknown as { __HOST__: { paintedAt?: number } }).__HOST__.paintedAt
      );
      const state = await hostPage.state();
      renderMs.push(state.paintedAt! - state.dataArrivedAt!);
      await hostPage.close();
    }
    const sorted = [...renderMs].sort((a, b) => a - b);
    const round = (value: number) => Math.round(value * 10) / 10;
    process.stdout.write(
      `${JSON.stringify({
        nodes: NODES,
        render_ms: round(sorted[Math.floor(sorted.length / 2)]!),
        render_ms_min: round(sorted[0]!),
        render_ms_max: round(sorted[sorted.length - 1]!),
        render_ms_runs: renderMs.map(round),
        runs: RUNS,
        target_ms: 1000,
        browser: `Chromium ${browser.version()}`,
        panel_px: [1600, 800],
      })}\n`
    );
  } finally {
    await browser.close();
    await host.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit.call(process, 1);
});
