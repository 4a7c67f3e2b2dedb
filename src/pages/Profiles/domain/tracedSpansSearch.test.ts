import { tracedSpansSearch } from './tracedSpansSearch';

describe('tracedSpansSearch', () => {
  it("asks for the service's spans that label samples, over the range in whole seconds", () => {
    expect(tracedSpansSearch('trigs-api', { fromMs: 1767225600500, toMs: 1767229200500 })).toEqual({
      q: '{resource.service.name="trigs-api" && span.pyroscope.profile.id != ""}',
      start: 1767225600,
      end: 1767229201,
      limit: 50,
      spss: 3,
    });
  });

  it('quotes the service as a TraceQL string', () => {
    expect(tracedSpansSearch('say "hi"', { fromMs: 0, toMs: 1000 }).q).toBe(
      '{resource.service.name="say \\"hi\\"" && span.pyroscope.profile.id != ""}'
    );
  });
});
