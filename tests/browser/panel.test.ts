import { canvasColours, rootPixel, searchAndRead, topTableHeaders, topTableRows } from './support/flameGraphDom';
import { hottestFunctions, rootValue } from './support/readFixture';
import { RECORDED_QUERIES } from './support/recordedData';
import { useBrowserHost } from './support/useBrowserHost';

const browserHost = useBrowserHost();

function openPanel(queries: Array<Record<string, unknown>>, options: Record<string, unknown> = {}) {
  return browserHost.open({ panel: { queries, options, width: 1200, height: 600 } });
}

describe('flame graph panel with a recorded Go CPU profile', () => {
  it('lists the hottest function first and draws the flame graph', async () => {
    const { page, errors, state } = await openPanel([RECORDED_QUERIES['profile-checkout-cpu']]);
    expect(hottestFunctions('profile-checkout-cpu', 1)).toEqual(['main.work']);

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
    const root = rootValue('profile-checkout-cpu');
    const tooltip = page.getByText('Total:', { exact: false });
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain(`Total: ${(root / 1e9).toFixed(1)} s (100%)`);
  });

  it('highlights the functions a search matches and mutes the rest', async () => {
    const { page } = await openPanel([RECORDED_QUERIES['profile-checkout-cpu']]);

    const result = await searchAndRead(page, 'memmove');

    expect(result.symbols).toEqual(['runtime.memmove']);
    expect(result.rootMuted).toBe(true);
    expect(result.colouredPixels).toBeGreaterThan(0);
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
