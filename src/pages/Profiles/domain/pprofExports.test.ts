import { dateTime } from '@grafana/data';

import { pprofExports } from './pprofExports';
import { parse } from './urlState';

const T = Date.UTC(2026, 0, 1);
const range = (from: number, to: number) => ({ from: dateTime(from), to: dateTime(to), raw: { from: '', to: '' } });
const ranges = { main: range(T, T + 3600_000), comparison: range(T - 3600_000, T) };
const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

describe('pprofExports(state, ranges)', () => {
  it("offers the flame graph's profile, over its selection", () => {
    const [only, ...rest] = pprofExports(
      parse(`service=checkout&type=${CPU}&selFrom=${T}&selTo=${T + 60_000}`),
      ranges
    );
    expect(rest).toEqual([]);
    expect(only?.label).toBe('pprof');
    expect(only?.request.query).toEqual({
      refId: 'pprof',
      profileTypeId: CPU,
      labelSelector: '{service_name="checkout"}',
    });
    expect(only?.request.range.to.valueOf()).toBe(T + 60_000);
    expect(only?.fileName).toBe('checkout_process_cpu-cpu_20260101T000000Z_20260101T000100Z.pb.gz');
  });

  it('offers both sides of a diff', () => {
    const exports = pprofExports(parse(`mode=diff&service=a&type=${CPU}&cmp.service=b`), ranges);
    expect(exports.map((e) => [e.label, e.request.query.labelSelector])).toEqual([
      ['Baseline as pprof', '{service_name="a"}'],
      ['Comparison as pprof', '{service_name="b"}'],
    ]);
  });

  it('offers nothing before a profile type is chosen', () => {
    expect(pprofExports(parse('service=a'), ranges)).toEqual([]);
  });
});
