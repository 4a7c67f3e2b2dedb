import { canvasColours, topTableRows } from './support/flameGraphDom';
import { CPU } from './support/recordedData';
import { deepChainBody, syntheticProfileBody, wideBody } from './support/syntheticFrames';
import { useBrowserHost } from './support/useBrowserHost';

const browserHost = useBrowserHost();

beforeAll(() => {
  const fixtures = browserHost.host().fixtures!;
  fixtures.addQuery(query('deep'), deepChainBody(2000));
  fixtures.addQuery(query('wide'), wideBody(100_000));
  fixtures.addQuery(query('synthetic'), syntheticProfileBody(16_384));
});

function query(service: string) {
  return { queryType: 'profile', profileTypeId: CPU, labelSelector: `{service_name="${service}"}` };
}

function openPanel(service: string, options: Record<string, unknown> = {}) {
  return browserHost.open({ panel: { queries: [query(service)], options } });
}

// No timing assertions: a frame that froze the browser would not get through renderHost's wait and these
// steps within the test's timeout.
describe('flame graph panel with very large profiles', () => {
  it('draws a 2,000-level profile down to the deepest level a canvas can hold and says so', async () => {
    const { page, errors } = await openPanel('deep', { view: 'flameGraph' });
    await page
      .getByText('This profile is 2,000 levels deep; the flame graph shows the first 1,489', { exact: false })
      .waitFor();
    const canvasHeight = await page
      .locator('canvas[data-testid="flameGraph"]')
      .evaluate((canvas: HTMLCanvasElement) => canvas.height);
    expect(canvasHeight).toBeLessThanOrEqual(32767);

    await page.getByLabel('Expand all groups').click();
    await page.locator('canvas[data-testid="flameGraph"]').scrollIntoViewIfNeeded();
    // Every level of the chain is one full-width bar, the last drawn one too.
    const lastRow = await page.locator('canvas[data-testid="flameGraph"]').evaluate((canvas: HTMLCanvasElement) => {
      const y = canvas.height - Math.round(11 * window.devicePixelRatio);
      return [...canvas.getContext('2d')!.getImageData(Math.floor(canvas.width / 2), y, 1, 1).data];
    });
    expect(lastRow[3]).toBe(255);
    expect(errors).toEqual([]);
  });

  it('draws a profile of 100,000 functions and lists them in the top table', async () => {
    const { page, errors } = await openPanel('wide');
    const rows = await topTableRows(page);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows[0]?.cells[1]).toMatch(/^wide\.function\d+$/);
    expect((await canvasColours(page, 1)).empty).toBeLessThan(100);
    expect(errors).toEqual([]);
  });

  it('draws the 16,384-node synthetic profile of the benchmarks', async () => {
    const { page, errors, state } = await openPanel('synthetic');
    await page.waitForFunction(() => (window as unknown as { __HOST__: { paintedAt?: number } }).__HOST__.paintedAt);
    expect((await state()).paintedAt).toBeGreaterThan(0);
    expect((await topTableRows(page)).length).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });
});
