import { diffRowOf } from './support/diffRowOf';
import { canvasColours, searchFunctions, topTableHeaders } from './support/flameGraphDom';
import { diffSideTotals } from './support/readFixture';
import { RECORDED_QUERIES } from './support/recordedData';
import { useBrowserHost } from './support/useBrowserHost';

const browserHost = useBrowserHost();

function openDiff(options: Record<string, unknown> = {}, width = 1400) {
  return browserHost.open({
    viewport: { width: width + 40, height: 900 },
    panel: { queries: [RECORDED_QUERIES['diff-checkout-cpu-versions']], options, width, height: 700 },
  });
}

const sideTotals = (symbol: string) => diffSideTotals('diff-checkout-cpu-versions', symbol);

/** A panel width at which runtime.kevent's bar is over Grafana's 10 px mute threshold in both colourings. */
const WIDE = 2200;
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
      expect(await diffRowOf(page, 'runtime.memmove')).toEqual({ change: 'new', colour: 'red' });
      const colours = await canvasColours(page);
      expect(colours.red).toBeGreaterThan(0);
      expect(colours.green).toBe(0);
    });

    it('marks runtime.kevent, only in 1.0, as removed and green', async () => {
      const { page } = await openDiff({ diffColouring });
      expect(await diffRowOf(page, 'runtime.kevent')).toEqual({ change: 'removed', colour: 'green' });

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
    const row = await diffRowOf(page, 'main.fastFunction');
    expect(percent(row.change!)).toBeLessThan(0);
    expect(row.colour).toBe('green');
    const colours = await canvasColours(page);
    expect(colours.green).toBeGreaterThan(colours.red);
  });

  it('colours main.fastFunction red in absolute colouring: its time grew by the amount shown', async () => {
    const { baseline, comparison } = sideTotals('main.fastFunction');
    const { page } = await openDiff({ diffColouring: 'absolute' });
    expect(await page.getByTestId('diff-totals').innerText()).toContain('absolute colours');
    const row = await diffRowOf(page, 'main.fastFunction');
    expect(percent(row.change!)).toBeCloseTo(((comparison - baseline) / baseline) * 100, 0);
    expect(row.colour).toBe('red');
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
