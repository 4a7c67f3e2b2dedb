import { parse, serialize } from './urlState';

const SPAN = '7be2a3c41e9f0d28';
const TRACE = '0af7651916cd43dd8448eb211c80319c';

describe('trace parameters of the page URL', () => {
  it('gives back the span selector and the trace a link came from', () => {
    const state = {
      ...parse('service=checkout'),
      spanSelector: [SPAN, '00000000000000ff'],
      trace: {
        traceId: TRACE,
        spanId: SPAN,
        spanName: 'GET /v1/trigs?limit=100',
        datasource: 'tempo',
        gaps: ['spanEnd' as const],
      },
    };
    const query = serialize(state);
    expect(new URLSearchParams(query).getAll('spanSelector')).toEqual([SPAN, '00000000000000ff']);
    expect(parse(query)).toEqual(state);
    expect(serialize(parse(query))).toBe(query);
  });

  it('drops ids that would fail the query, upper-case hex made lower, and unknown gaps', () => {
    const state = parse(
      `spanSelector=${SPAN.toUpperCase()}&spanSelector=abc&spanSelector=${SPAN},${SPAN}&traceId=xyz&gaps=spanEnd,bogus`
    );
    expect(state.spanSelector).toEqual([SPAN]);
    expect(state.trace).toEqual({ gaps: ['spanEnd'] });
  });

  it('leaves both out of a URL without them', () => {
    const state = parse('service=checkout');
    expect(state.spanSelector).toBeUndefined();
    expect(state.trace).toBeUndefined();
    expect(serialize(state)).toBe('from=now-1h&to=now&service=checkout');
  });
});
