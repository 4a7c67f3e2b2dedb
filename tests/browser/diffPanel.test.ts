import { type Browser } from 'playwright-core';

import { column, labels } from '../support/grafanaClient';
import { launchChromium } from './host/launchChromium';
import { type HostPage, renderHost } from './host/renderHost';
import { type RunningHost, startHost } from './host/startHost';
import { canvasColours, searchFunctions, topTableHeaders, topTableRow } from './support/flameGraphDom';
import { readFixture } from './support/readFixture';
import { RECORDED_QUERIES } from './support/recordedData';

let host: RunningHost;
let browser: Browser;
let opened: HostPage[] = [];

beforeAll(async () => {
  [host, browser] = await Promise.all([startHost(), launchChromium()]);
});

afterEach(async () => {
  await Promise.all(opened.map((hostPage) => hostPage.close()));
  opened = [];
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

async function openDiff(options: Record<string, unknown> = {}, width = 1400) {
  const hostPage = await renderHost(browser, host, {
    viewport: { width: width + 40, height: 900 },
    panel: { queries: [RECORDED_QUERIES['diff-checkout-cpu-versions']], options, width, height: 700 },
  });
  opened.push(hostPage);
  return hostPage;
}

/** Total time of a function on each side of the recorded diff, as the top table sums it. */
function sideTotals(symbol: string): { baseline: number; comparison: number } {
  const frame = readFixture('diff-checkout-cpu-versions').response.results.A!.frames![0]!;
  const [values, valuesRight] = [column<number>(frame, 'value'), column<number>(frame, 'valueRight')];
  const rows = labels(frame).flatMap((label, row) => (label === symbol ? [row] : []));
  return {
    baseline: rows.reduce((sum, row) => sum + values[row]!, 0),
    comparison: rows.reduce((sum, row) => sum + valuesRight[row]!, 0),
  };
}

/** A panel width at which runtime.kevent's bar is over Grafana's 10 px mute threshold in both colourings. */
const WIDE = 2200;
const isRed = ([r, g]: number[]) => r! > g! + 60;
const isGreen = ([r, g]: number[]) => g! > r! + 10;
const percent = (text: string) => Number(text.replace(/[^\d.+-]/g, ''));

describe('diff flame graph panel: checkout 1.0 (baseline) against 1.1 (comparison)', () => {
  it('shows both sides: Baseline, Comparison and Diff columns and both totals', async () => {
    const { page, errors } = await openDiff();
    expect(await topTableHeaders(page)).toEqual(['', 'Symbol', 'Baseline', 'Comparison', 'Diff']);
    const root = sideTotals('total');
    const change = ((root.comparison - root.baseline) / root.baseline) * 100;
    expect(await page.getByTestId('diff-totals').innerText()).toBe(
      `Baseline ${(root.baseline / 1e9).toFixed(2)} s · Comparison ${(root.comparison / 1e9).toFixed(1)} s (+${change.toFixed(1)} %) · colours by share of total`
    );
    expect(errors).toEqual([]);
  });

  describe.each(['relative', 'absolute'])('in %s colouring', (diffColouring) => {
    it('marks runtime.memmove, only in 1.1, as new and red', async () => {
      const { page } = await openDiff({ diffColouring });
      await searchFunctions(page, '^runtime\\.memmove$');
      const row = await topTableRow(page, 'runtime.memmove');
      expect(row?.cells[4]).toBe('new');
      expect(isRed(row!.colors[4]!)).toBe(true);
      const colours = await canvasColours(page);
      expect(colours.red).toBeGreaterThan(0);
      expect(colours.green).toBe(0);
    });

    it('marks runtime.kevent, only in 1.0, as removed and green', async () => {
      const { page } = await openDiff({ diffColouring });
      await searchFunctions(page, '^runtime\\.kevent$');
      const row = await topTableRow(page, 'runtime.kevent');
      expect(row?.cells[4]).toBe('removed');
      expect(isGreen(row!.colors[4]!)).toBe(true);

      // Its bar is under 1 % of the width (Grafana mutes bars under 10 px) at the end of a call chain that
      // Grafana collapses into one bar: look at a wide flame graph with its groups expanded.
      const wide = await openDiff({ diffColouring, view: 'flameGraph' }, WIDE);
      await wide.page.getByLabel('Expand all groups').click();
      await searchFunctions(wide.page, '^runtime\\.kevent$');
      const colours = await canvasColours(wide.page);
      expect(colours.green).toBeGreaterThan(0);
      expect(colours.red).toBe(0);
    });
  });

  it('colours main.fastFunction green by share of total: its share fell', async () => {
    const { baseline, comparison } = sideTotals('main.fastFunction');
    const total = sideTotals('total');
    expect(comparison / total.comparison).toBeLessThan(baseline / total.baseline);

    const { page } = await openDiff({ diffColouring: 'relative' });
    await searchFunctions(page, '^main\\.fastFunction$');
    const row = await topTableRow(page, 'main.fastFunction');
    expect(percent(row!.cells[4]!)).toBeLessThan(0);
    expect(isGreen(row!.colors[4]!)).toBe(true);
    const colours = await canvasColours(page);
    expect(colours.green).toBeGreaterThan(colours.red);
  });

  it('colours main.fastFunction red in absolute colouring: its time grew by the amount shown', async () => {
    const { baseline, comparison } = sideTotals('main.fastFunction');
    const { page } = await openDiff({ diffColouring: 'absolute' });
    expect(await page.getByTestId('diff-totals').innerText()).toContain('absolute colours');
    await searchFunctions(page, '^main\\.fastFunction$');
    const row = await topTableRow(page, 'main.fastFunction');
    expect(percent(row!.cells[4]!)).toBeCloseTo(((comparison - baseline) / baseline) * 100, 0);
    expect(isRed(row!.colors[4]!)).toBe(true);
    const colours = await canvasColours(page);
    expect(colours.red).toBeGreaterThan(colours.green);
  });

  it('uses the colour-blind palette when the options say so: removed is blue', async () => {
    const { page } = await openDiff({ diffColorScheme: 'diffColorBlind', view: 'flameGraph' }, WIDE);
    await page.waitForFunction(() => !document.querySelector('[role="menu"]'));
    await page.getByLabel('Expand all groups').click();
    await searchFunctions(page, '^runtime\\.kevent$');
    const colours = await canvasColours(page);
    expect(colours.blue).toBeGreaterThan(0);
    expect(colours.green).toBe(0);
  });
});
