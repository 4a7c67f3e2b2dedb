import { exploreSpanSearchUrl } from './exploreSpanSearchUrl';
import { exploreTraceUrl } from './exploreTraceUrl';

const RANGE = { fromMs: 1767225600000.4, toMs: 1767229200000.6 };

function pane(url: string) {
  const parsed = new URL(url, 'http://grafana');
  expect(parsed.pathname).toBe('/explore');
  expect(parsed.searchParams.get('schemaVersion')).toBe('1');
  return Object.values(JSON.parse(parsed.searchParams.get('panes')!) as Record<string, Record<string, unknown>>)[0]!;
}

describe('Explore URLs for traces', () => {
  it('opens one trace by its id over the range', () => {
    expect(pane(exploreTraceUrl('tempo', '0af7651916cd43dd8448eb211c80319c', RANGE))).toEqual({
      datasource: 'tempo',
      queries: [
        { refId: 'A', datasource: { uid: 'tempo' }, queryType: 'traceql', query: '0af7651916cd43dd8448eb211c80319c' },
      ],
      range: { from: '1767225600000', to: '1767229200001' },
    });
  });

  it('searches the traces of a span name, quoting names with quotes', () => {
    const query = (
      pane(exploreSpanSearchUrl('tempo', 'trigs-api', 'GET /say "hi"', RANGE)).queries as Array<Record<string, unknown>>
    )[0];
    expect(query).toMatchObject({
      queryType: 'traceql',
      query: '{resource.service.name="trigs-api" && name="GET /say \\"hi\\""}',
    });
  });
});
