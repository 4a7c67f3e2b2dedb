import { type Browser } from 'playwright-core';

import { launchChromium } from './host/launchChromium';
import { type HostPage, renderHost } from './host/renderHost';
import { type RunningHost, startHost } from './host/startHost';
import { canvasColours, rootPixel, searchFunctions, topTableHeaders, topTableRows } from './support/flameGraphDom';
import { readFixture, selfByFunction } from './support/readFixture';
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

async function openPanel(queries: Array<Record<string, unknown>>, options: Record<string, unknown> = {}) {
  const hostPage = await renderHost(browser, host, { panel: { queries, options, width: 1200, height: 600 } });
  opened.push(hostPage);
  return hostPage;
}

const hottest = (fixture: Parameters<typeof selfByFunction>[0]) =>
  [...selfByFunction(fixture).entries()].sort((a, b) => b[1] - a[1])[0]![0];

describe('flame graph panel with a recorded Go CPU profile', () => {
  it('lists the hottest function first and draws the flame graph', async () => {
    const { page, errors, state } = await openPanel([RECORDED_QUERIES['profile-checkout-cpu']]);
    expect(hottest('profile-checkout-cpu')).toBe('main.work');

    expect(await topTableHeaders(page)).toEqual(['', 'Symbol', 'Self', 'Total']);
    const [first] = await topTableRows(page);
    expect(first?.cells[1]).toBe('main.work');
    // The root bar spans the canvas and the levels below it are drawn in colour.
    expect((await rootPixel(page))[3]).toBe(255);
    const colours = await canvasColours(page, 10);
    expect(colours.red + colours.green + colours.blue + colours.other).toBeGreaterThan(colours.empty);
    expect((await state()).paintedAt).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it("shows a frame's total and self time in its tooltip", async () => {
    const { page } = await openPanel([RECORDED_QUERIES['profile-checkout-cpu']]);
    const canvas = page.locator('canvas[data-testid="flameGraph"]');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 11);
    const root = readFixture('profile-checkout-cpu').response.results.A!.frames![0]!.data.values[2]![0] as number;
    const tooltip = page.getByText('Total:', { exact: false });
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain(`Total: ${(root / 1e9).toFixed(1)} s (100%)`);
  });

  it('highlights the functions a search matches and mutes the rest', async () => {
    const { page } = await openPanel([RECORDED_QUERIES['profile-checkout-cpu']]);
    const rootBefore = await rootPixel(page);

    await searchFunctions(page, 'memmove');

    const rows = await topTableRows(page);
    expect(rows.map((row) => row.cells[1])).toEqual(['runtime.memmove']);
    const rootAfter = await rootPixel(page);
    expect(rootAfter).not.toEqual(rootBefore);
    expect(Math.max(...rootAfter.slice(0, 3)) - Math.min(...rootAfter.slice(0, 3))).toBeLessThan(24);
    const colours = await canvasColours(page);
    expect(colours.red + colours.green + colours.blue + colours.other).toBeGreaterThan(0);
  });

  it.each([
    ['topTable', { table: true, canvas: false }],
    ['flameGraph', { table: false, canvas: true }],
    ['both', { table: true, canvas: true }],
  ])('starts in the %s view when the options say so', async (view, shown) => {
    const { page } = await openPanel([RECORDED_QUERIES['profile-checkout-cpu']], { view });
    await expect(page.locator('[data-testid="topTable"]').count()).resolves.toBe(shown.table ? 1 : 0);
    await expect(page.locator('canvas[data-testid="flameGraph"]').count()).resolves.toBe(shown.canvas ? 1 : 0);
  });

  it('colours by value when the options say so', async () => {
    const byPackage = await openPanel([RECORDED_QUERIES['profile-checkout-cpu']]);
    const byValue = await openPanel([RECORDED_QUERIES['profile-checkout-cpu']], { colorScheme: 'valueBased' });
    await byValue.page.waitForFunction(() => !document.querySelector('[role="menu"]'));
    // By value, the root (100 % of the time) is the hottest colour: hsl(0, 100 %, 72 %).
    const [r, g, b] = await rootPixel(byValue.page);
    expect([r, g, b]).toEqual([255, 112, 112]);
    expect(await rootPixel(byPackage.page)).not.toEqual(await rootPixel(byValue.page));
  });

  it('says when the range has no profile data, with the datasource’s notice', async () => {
    const { page } = await openPanel([RECORDED_QUERIES['profile-nothing-in-range']]);
    await page.getByText('No profile data in this range').waitFor();
    await page.getByText('No profiles for {service_name="not-deployed"}', { exact: false }).waitFor();
    await expect(page.locator('canvas').count()).resolves.toBe(0);
  });

  it('explains that a metrics query is not a flame graph', async () => {
    const { page } = await openPanel([RECORDED_QUERIES['metrics-checkout-cpu-by-version']]);
    await page.getByText('Not a flame graph').waitFor();
    await page.getByText('Choose the query type Profile, Both or Diff', { exact: false }).waitFor();
  });

  it('draws the flame graph of a `both` query (flame graph and series)', async () => {
    const { page } = await openPanel([RECORDED_QUERIES['both-checkout-cpu']]);
    expect((await topTableRows(page))[0]?.cells[1]).toBe('main.work');
  });

  it('shows a failed query’s error', async () => {
    const { page } = await openPanel([
      { ...RECORDED_QUERIES['profile-checkout-cpu'], labelSelector: '{service_name="unrecorded"}' },
    ]);
    await page.getByText('The query failed').waitFor();
    await page.getByText('no recorded answer', { exact: false }).first().waitFor();
  });
});
