import { FieldType, toDataFrame } from '@grafana/data';

import { topSpans } from './topSpans';

/** A metrics frame as the backend answers a query grouped by span_name (labels on the value field). */
const series = (values: number[], spanName?: string) =>
  toDataFrame({
    fields: [
      { name: 'time', type: FieldType.time, values: values.map((_, i) => 1767225600000 + i * 15000) },
      { name: 'value', type: FieldType.number, values, labels: spanName ? { span_name: spanName } : {} },
    ],
  });

describe('topSpans', () => {
  it('lists span names by their share of the whole service, samples outside spans counted but not listed', () => {
    const frames = [series([1, 1], 'GET /v1/trigs'), series([3, 3], 'POST /v1/images/process'), series([2, 2])];
    expect(topSpans(frames)).toEqual([
      { spanName: 'POST /v1/images/process', share: 0.5 },
      { spanName: 'GET /v1/trigs', share: 1 / 6 },
    ]);
  });

  it('keeps the first `count` and drops names without samples', () => {
    const frames = [series([1], 'a'), series([2], 'b'), series([3], 'c'), series([0], 'd')];
    expect(topSpans(frames, 2).map(({ spanName }) => spanName)).toEqual(['c', 'b']);
  });

  it('is empty without samples', () => {
    expect(topSpans([series([0, 0], 'a')])).toEqual([]);
    expect(topSpans([])).toEqual([]);
  });
});
