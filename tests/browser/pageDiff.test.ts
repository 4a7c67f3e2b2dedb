import { checkoutDiffRoute } from './support/checkoutDiffRoute';
import { diffRowOf } from './support/diffRowOf';
import { canvasColours, searchFunctions, topTableHeaders, topTableRows } from './support/flameGraphDom';
import { flameGraphOf } from './support/flameGraphOf';
import { diffSideTotals, hottestFunctions, rootValue } from './support/readFixture';
import { useBrowserHost } from './support/useBrowserHost';
import { waitForMetricSeries } from './support/waitForMetricSeries';

const browserHost = useBrowserHost();

/** A window width at which runtime.kevent's bar is over Grafana's 10 px mute threshold in both colourings. */
const WIDE = 2240;

function openDiff(extra: Record<string, string> = {}, width = 1440) {
  return browserHost.open({
    viewport: { width, height: 900 },
    route: checkoutDiffRoute(extra),
  });
}

const BASELINE_SECONDS = rootValue('profile-checkout-cpu-1.0') / 1e9;
const COMPARISON_SECONDS = rootValue('profile-checkout-cpu-1.1') / 1e9;
const BASELINE_GRAPH = '[aria-label="Baseline flame graph"]';
const COMPARISON_GRAPH = '[aria-label="Comparison flame graph"]';
const percent = (text: string) => Number(text.replace(/[^\d.+-]/g, ''));

describe('the Profiles page comparing checkout 1.0 (baseline) with 1.1 (comparison)', () => {
  it('shows both sides: their selections and metrics, and one diff flame graph of the two', async () => {
    const { page, errors } = await openDiff();
    for (const [side, version] of [
      ['Baseline', '1.0'],
      ['Comparison', '1.1'],
    ] as const) {
      const region = page.getByRole('region', { name: side, exact: true });
      expect(await region.getByRole('combobox', { name: `${side} service` }).inputValue()).toBe('checkout');
      expect(await region.getByRole('combobox', { name: `${side} filters 1 value` }).inputValue()).toBe(version);
      await waitForMetricSeries(region, `cpu {service_name="checkout", version="${version}"}`);
    }
    await page.getByTestId('diff-totals').waitFor();
    expect(await page.getByTestId('diff-totals').innerText()).toContain(
      `Baseline ${BASELINE_SECONDS.toFixed(2)} s · Comparison ${COMPARISON_SECONDS.toFixed(1)} s`
    );
    expect(await topTableHeaders(page)).toEqual(['', 'Symbol', 'Baseline', 'Comparison', 'Diff']);
    expect(errors).toEqual([]);
  });

  describe.each(['relative', 'absolute'])('in %s colours', (colors) => {
    it('marks runtime.memmove, only in 1.1, red and runtime.kevent, only in 1.0, green', async () => {
      const { page } = await openDiff(colors === 'absolute' ? { colors } : {});
      const label = colors === 'absolute' ? 'Absolute' : 'Relative';
      expect(await page.getByRole('radio', { name: label }).isChecked()).toBe(true);
      await page.getByTestId('diff-totals').waitFor();

      expect(await diffRowOf(page, 'runtime.memmove')).toEqual({ change: 'new', colour: 'red' });
      const colours = await canvasColours(page);
      expect(colours.red).toBeGreaterThan(0);
      expect(colours.green).toBe(0);

      expect(await diffRowOf(page, 'runtime.kevent')).toEqual({ change: 'removed', colour: 'green' });

      // Its bar is under 1 % of the total, muted under 10 px and collapsed into its call chain's group: look
      // at a wide flame graph alone, its groups expanded.
      const wide = await openDiff(colors === 'absolute' ? { colors } : {}, WIDE);
      await wide.page.getByTestId('diff-totals').waitFor();
      await wide.page.getByRole('radio', { name: 'Flame Graph' }).check();
      await wide.page.getByLabel('Expand all groups').click();
      await searchFunctions(wide.page, '^runtime\\.kevent$');
      const wideColours = await canvasColours(wide.page);
      expect(wideColours.green).toBeGreaterThan(0);
      expect(wideColours.red).toBe(0);
    });
  });

  it.each([
    ['relative', 'green', 'colours by share of total'],
    ['absolute', 'red', 'absolute colours'],
  ])('colours main.fastFunction %s as %s: its share fell while its time grew', async (colors, colour, explained) => {
    const { baseline, comparison } = diffSideTotals('diff-page-checkout-versions', 'main.fastFunction');
    expect(comparison / baseline).toBeGreaterThan(1);
    expect(comparison / baseline).toBeLessThan(COMPARISON_SECONDS / BASELINE_SECONDS);

    const { page } = await openDiff({ colors });
    await page.getByTestId('diff-totals').getByText(explained, { exact: false }).waitFor();
    const row = await diffRowOf(page, 'main.fastFunction');
    expect(row.colour).toBe(colour);
    expect(Math.sign(percent(row.change!))).toBe(colour === 'red' ? 1 : -1);
  });

  it('shows the two flame graphs side by side, each with its own functions', async () => {
    const { page, errors } = await openDiff({ view: 'sideBySide' });
    expect(await page.getByRole('radio', { name: 'Side by side' }).isChecked()).toBe(true);
    expect(await flameGraphOf(page, 'profile-checkout-cpu-1.0', { scope: BASELINE_GRAPH })).toEqual(
      hottestFunctions('profile-checkout-cpu-1.0', 4)
    );
    expect(await flameGraphOf(page, 'profile-checkout-cpu-1.1', { scope: COMPARISON_GRAPH })).toEqual(
      hottestFunctions('profile-checkout-cpu-1.1', 4)
    );

    await searchFunctions(page, '^runtime\\.kevent$', BASELINE_GRAPH);
    await searchFunctions(page, '^runtime\\.kevent$', COMPARISON_GRAPH);
    expect((await topTableRows(page, BASELINE_GRAPH)).map((row) => row.cells[1])).toEqual(['runtime.kevent']);
    expect(await topTableRows(page, COMPARISON_GRAPH)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('draws both sides on the larger total in absolute colours side by side', async () => {
    const { page } = await openDiff({ view: 'sideBySide', colors: 'absolute' });
    await page.getByText("both flame graphs are drawn on the larger profile's scale", { exact: false }).waitFor();
    // The baseline's root takes the comparison's total, so equal widths mean equal time on both sides.
    await flameGraphOf(page, 'profile-checkout-cpu-1.0', { scope: BASELINE_GRAPH, seconds: COMPARISON_SECONDS });
    await flameGraphOf(page, 'profile-checkout-cpu-1.1', { scope: COMPARISON_GRAPH });
  });
});
