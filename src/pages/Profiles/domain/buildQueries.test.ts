import { dateTime } from '@grafana/data';

import { flameGraphQueries, metricsQuery, type SideRanges } from './buildQueries';
import type { ProfileSelection, ProfilesState } from './ProfilesState';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const HOUR = 3600_000;
const T = 1767225600000;

const range = (from: number, to: number) => ({ from: dateTime(from), to: dateTime(to), raw: { from: 'x', to: 'y' } });
const ranges: SideRanges = { main: range(T, T + HOUR), comparison: range(T - 24 * HOUR, T - 23 * HOUR) };

const main: ProfileSelection = {
  service: 'checkout',
  profileTypeId: CPU,
  filters: '{env="prod"}',
  range: { from: 'now-1h', to: 'now' },
};
const state: ProfilesState = {
  datasource: 'ds',
  mode: 'single',
  main,
  comparison: main,
  diffView: 'diff',
  colorScale: 'relative',
  maxNodes: 16384,
};

describe('metricsQuery(side, refId)', () => {
  it("asks for the side's profile metric over time", () => {
    expect(metricsQuery(main, 'A')).toEqual({
      refId: 'A',
      queryType: 'metrics',
      profileTypeId: CPU,
      labelSelector: '{service_name="checkout", env="prod"}',
    });
  });
});

describe('flameGraphQueries(state, ranges)', () => {
  it('asks for one profile over the whole range', () => {
    const [planned, ...rest] = flameGraphQueries(state, ranges);
    expect(rest).toHaveLength(0);
    expect(planned?.query).toEqual({
      refId: 'profile',
      queryType: 'profile',
      profileTypeId: CPU,
      labelSelector: '{service_name="checkout", env="prod"}',
      maxNodes: 16384,
    });
    expect(planned?.range).toBe(ranges.main);
  });

  it('asks for the dragged selection when there is one', () => {
    const selected = { ...state, main: { ...main, selection: { from: T + 60_000, to: T + 120_000 } } };
    const [planned] = flameGraphQueries(selected, ranges);
    expect([planned?.range.from.valueOf(), planned?.range.to.valueOf()]).toEqual([T + 60_000, T + 120_000]);
  });

  it('asks for nothing without a profile type', () => {
    expect(flameGraphQueries({ ...state, main: { ...main, profileTypeId: '' } }, ranges)).toEqual([]);
    expect(flameGraphQueries({ ...state, mode: 'diff', comparison: { ...main, profileTypeId: '' } }, ranges)).toEqual(
      []
    );
  });

  describe('for a diff', () => {
    const comparison: ProfileSelection = {
      service: 'cart',
      profileTypeId: CPU,
      filters: '{}',
      range: { from: 'now-24h', to: 'now-23h' },
      selection: { from: T - 24 * HOUR + 600_000, to: T - 24 * HOUR + 1_200_000 },
    };
    const diff: ProfilesState = { ...state, mode: 'diff', comparison, maxNodes: 4096 };

    it('asks for one diff: baseline over the query range, comparison with its own selector and range', () => {
      const planned = flameGraphQueries(diff, ranges);
      expect(planned).toHaveLength(1);
      expect(planned[0]?.range).toBe(ranges.main);
      expect(planned[0]?.query).toEqual({
        refId: 'diff',
        queryType: 'diff',
        profileTypeId: CPU,
        labelSelector: '{service_name="checkout", env="prod"}',
        maxNodes: 4096,
        comparison: {
          profileTypeId: CPU,
          labelSelector: '{service_name="cart"}',
          timeRange: { fromMs: T - 24 * HOUR + 600_000, toMs: T - 24 * HOUR + 1_200_000 },
        },
      });
    });

    it('asks for two profiles, each over its own range, side by side', () => {
      const planned = flameGraphQueries({ ...diff, diffView: 'sideBySide' }, ranges);
      expect(planned.map((p) => [p.query.refId, p.query.queryType, p.query.labelSelector])).toEqual([
        ['baseline', 'profile', '{service_name="checkout", env="prod"}'],
        ['comparison', 'profile', '{service_name="cart"}'],
      ]);
      expect(planned[0]?.range).toBe(ranges.main);
      expect(planned[1]?.range.from.valueOf()).toBe(T - 24 * HOUR + 600_000);
    });
  });
});
