import { flameGraphSeconds, topSymbols } from './support/flameGraphDom';
import { addSpanFixture, readSpanFixture, type SpanFixture } from './support/spanFixture';
import { urlParam } from './support/urlParam';
import { useBrowserHost } from './support/useBrowserHost';
import { waitUntil } from './support/waitUntil';

const browserHost = useBrowserHost();
const fixture = readSpanFixture();

type TempoAnswer = {
  traces: Array<{ traceID: string; spanSets: Array<{ spans: Array<{ spanID: string; name: string }> }> }>;
};

/** The recorded span-cpu answer, by span id. */
function spanCpuOf({ spanCpu }: SpanFixture): Map<string, number> {
  const body = spanCpu.answer.body as { spans: Array<{ spanId: string; total: number }> };
  return new Map(body.spans.map(({ spanId, total }) => [spanId, total]));
}

/** A span of the recorded Tempo answer, with its trace id as the page shows it (leading zeros back). */
function spanInAnswer(answer: TempoAnswer, spanId: string): { traceId: string; name: string } {
  for (const trace of answer.traces) {
    const span = trace.spanSets.flatMap((set) => set.spans).find((candidate) => candidate.spanID === spanId);
    if (span) {
      return { traceId: trace.traceID.padStart(32, '0'), name: span.name };
    }
  }
  throw new Error(`span ${spanId} is not in the recorded Tempo answer`);
}

beforeAll(() => {
  addSpanFixture(browserHost.host().fixtures!);
});

describe('the Profiles page opened from a trace span link', () => {
  it("shows the span's flame graph, topped by the code the span ran, and names the span and its trace", async () => {
    const { page, errors } = await browserHost.open({ route: fixture.route });

    await waitUntil(
      () => flameGraphSeconds(page),
      (shown) => Math.abs(shown - fixture.totalSeconds) < 0.005,
      `the span's flame graph (${fixture.totalSeconds} s)`
    );
    expect(await topSymbols(page, 1)).toEqual([fixture.topFunction]);
    expect(fixture.topFunction).toContain('findDuplicateIdsSlowly');

    const origin = page.getByRole('region', { name: 'Trace span' });
    await origin.getByText(fixture.spanId).waitFor();
    await origin.getByText(fixture.traceId).waitFor();
    expect(await origin.innerText()).toContain(
      `Only the samples of span ${fixture.spanId} of trace ${fixture.traceId} in trigs-api`
    );
    expect(errors).toEqual([]);
  });

  it('links back to the trace in Explore on the trace datasource', async () => {
    const { page } = await browserHost.open({ route: fixture.route });
    const back = page.getByRole('link', { name: 'Back to the trace' });
    const href = new URL((await back.getAttribute('href'))!, 'http://grafana');

    expect(href.pathname).toBe('/explore');
    const panes = JSON.parse(href.searchParams.get('panes')!) as Record<
      string,
      { datasource: string; queries: unknown[] }
    >;
    const pane = Object.values(panes)[0]!;
    expect(pane.datasource).toBe('tempo-uid');
    expect(pane.queries).toEqual([
      { refId: 'A', datasource: { uid: 'tempo-uid' }, queryType: 'traceql', query: fixture.traceId },
    ]);
  });

  it('says what the link fell back on, and widens to the whole service on request', async () => {
    const { page, errors } = await browserHost.open({ route: fixture.route });
    await page.getByText(/no span duration/).waitFor();

    await page.getByRole('button', { name: 'Widen to the whole service' }).click();

    expect(await urlParam(page, 'spanSelector', (value) => value === null)).toBeNull();
    await page.getByRole('region', { name: 'Trace span' }).getByText('Every sample of trigs-api around span').waitFor();
    const symbols = await waitUntil(
      () => topSymbols(page, 8),
      (shown) => shown.some((symbol) => symbol.includes('convolveImage')),
      'the whole service, image processing included'
    );
    expect(symbols.some((symbol) => symbol.includes('convolveImage'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('lists the spans with the most CPU, each opening its traces in Explore', async () => {
    const { page } = await browserHost.open({ route: fixture.route });
    const section = page.getByRole('region', { name: 'Spans with the most CPU' });
    const traces = section.getByRole('link', { name: `Traces of ${fixture.spanName}` });
    await traces.waitFor();

    const names = await section.locator('tbody tr td:first-child').allInnerTexts();
    expect(names).toEqual(expect.arrayContaining([fixture.spanName, 'POST /v1/images/process']));
    const href = new URL((await traces.getAttribute('href'))!, 'http://grafana');
    const pane = Object.values(
      JSON.parse(href.searchParams.get('panes')!) as Record<string, { queries: Array<{ query: string }> }>
    )[0]!;
    expect(pane.queries[0]!.query).toBe(
      `{resource.service.name="trigs-api" && name=${JSON.stringify(fixture.spanName)}}`
    );
  });

  it('lists the traced requests with the most CPU from Tempo, each opening its trace in Explore', async () => {
    const { page, errors } = await browserHost.open({ route: fixture.route });
    const traced = page.getByRole('region', { name: 'Traced requests with the most CPU' });
    const rows = traced.locator('tbody tr');
    await rows.first().waitFor();

    // The slowest code of the run is a slow report's: the top request is one, and it names its trace.
    const cpu = spanCpuOf(fixture);
    const top = [...cpu.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const topSpan = fixture.tempoSearch.answer.body as TempoAnswer;
    const { traceId, name } = spanInAnswer(topSpan, top[0]);
    const cells = await rows.first().locator('td').allInnerTexts();
    expect(cells[0]).toBe(name);
    expect(name).toContain('/v1/reports/slow');
    expect(cells[1]).toBe(traceId.slice(0, 8));
    // The CPU in Grafana's time format: the recorded nanoseconds as milliseconds (about 10 ms a sample).
    expect(cells[3]).toMatch(/^[\d.]+ ms$/);
    expect(Math.abs(parseFloat(cells[3]!) - top[1] / 1e6)).toBeLessThan(0.1);
    const listed = await rows.count();
    expect(listed).toBe(Math.min(10, [...cpu.values()].filter((total) => total > 0).length));

    const href = new URL(
      (await rows
        .first()
        .getByRole('link', { name: `Trace ${traceId}` })
        .getAttribute('href'))!,
      'http://grafana'
    );
    const pane = Object.values(
      JSON.parse(href.searchParams.get('panes')!) as Record<
        string,
        { datasource: string; queries: Array<{ query: string }> }
      >
    )[0]!;
    expect(pane.datasource).toBe('tempo-uid');
    expect(pane.queries[0]!.query).toBe(traceId);
    expect(errors).toEqual([]);
  });

  it('says when Tempo is unreachable, and keeps the span names with their links', async () => {
    const host = browserHost.host().fixtures!;
    host.addProxy(fixture.tempoSearch.datasourceUid, fixture.tempoSearch.path, {
      status: 502,
      body: { message: 'dial tcp 127.0.0.1:3200: connect: connection refused' },
    });
    try {
      const { page } = await browserHost.open({ route: fixture.route });
      const traced = page.getByRole('region', { name: 'Traced requests with the most CPU' });

      await traced.getByText('The traced requests could not be loaded').waitFor();
      expect(await traced.innerText()).toContain(
        'Tempo (data source tempo-uid) did not answer: dial tcp 127.0.0.1:3200: connect: connection refused'
      );
      const names = page.getByRole('region', { name: 'Spans with the most CPU' });
      await names.getByRole('link', { name: `Traces of ${fixture.spanName}` }).waitFor();
    } finally {
      host.addProxy(fixture.tempoSearch.datasourceUid, fixture.tempoSearch.path, fixture.tempoSearch.answer);
    }
  });

  it('says when Tempo has no traced requests of the service in the range', async () => {
    const host = browserHost.host().fixtures!;
    host.addProxy(fixture.tempoSearch.datasourceUid, fixture.tempoSearch.path, { status: 200, body: { traces: [] } });
    try {
      const { page } = await browserHost.open({ route: fixture.route });
      const traced = page.getByRole('region', { name: 'Traced requests with the most CPU' });

      await traced.getByText('No traced requests of trigs-api in this range.').waitFor();
    } finally {
      host.addProxy(fixture.tempoSearch.datasourceUid, fixture.tempoSearch.path, fixture.tempoSearch.answer);
    }
  });
});
