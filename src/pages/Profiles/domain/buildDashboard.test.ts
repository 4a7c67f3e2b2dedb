import { dateTime } from '@grafana/data';

import { buildDashboard } from './buildDashboard';
import type { SideRanges } from './buildQueries';
import { parse } from './urlState';

const T = 1767225600000;
const HOUR = 3600_000;
const range = (from: number, to: number, raw = { from: 'now-1h', to: 'now' }) => ({
  from: dateTime(from),
  to: dateTime(to),
  raw,
});
const ranges: SideRanges = { main: range(T, T + HOUR), comparison: range(T - 2 * HOUR, T - HOUR) };
const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const ds = { type: 'emberlabs-profiles-datasource', uid: 'pyro' };

describe('buildDashboard(state, ranges, title)', () => {
  it("makes a dashboard with the metric and the flame graph panel, over the page's range", () => {
    const save = buildDashboard(
      parse(`ds=pyro&service=checkout&type=${CPU}&filters={env="prod"}`),
      ranges,
      'Checkout CPU'
    );
    expect(save).toMatchObject({ folderUid: '', overwrite: false });
    expect(save.dashboard).toMatchObject({ title: 'Checkout CPU', time: { from: 'now-1h', to: 'now' } });
    const [metric, flameGraph] = save.dashboard.panels as Array<Record<string, unknown>>;
    expect(metric).toMatchObject({
      type: 'timeseries',
      datasource: ds,
      targets: [
        {
          refId: 'A',
          queryType: 'metrics',
          profileTypeId: CPU,
          labelSelector: '{service_name="checkout", env="prod"}',
          datasource: ds,
        },
      ],
    });
    expect(flameGraph).toMatchObject({
      type: 'emberlabs-profiles-panel',
      targets: [
        {
          refId: 'A',
          queryType: 'profile',
          profileTypeId: CPU,
          labelSelector: '{service_name="checkout", env="prod"}',
          maxNodes: 16384,
        },
      ],
    });
  });

  it('uses the dragged selection as the dashboard range', () => {
    const save = buildDashboard(
      parse(`ds=pyro&service=a&type=${CPU}&selFrom=${T + 1000}&selTo=${T + 2000}`),
      ranges,
      't'
    );
    expect(save.dashboard.time).toEqual({ from: String(T + 1000), to: String(T + 2000) });
  });

  it('keeps comparing the same two ranges in a diff, and covers both in the metric', () => {
    const state = parse(`ds=pyro&mode=diff&service=a&type=${CPU}&cmp.service=b&cmp.from=x&colors=absolute`);
    const save = buildDashboard(state, ranges, 't');
    expect(save.dashboard.time).toEqual({ from: String(T - 2 * HOUR), to: String(T + HOUR) });
    const [metric, flameGraph] = save.dashboard.panels as Array<{ targets: unknown[]; options?: unknown }>;
    expect(metric?.targets).toHaveLength(2);
    expect(flameGraph?.options).toEqual({ diffColouring: 'absolute' });
    expect(flameGraph?.targets[0]).toMatchObject({
      queryType: 'diff',
      labelSelector: '{service_name="a"}',
      baseline: { timeRange: { fromMs: T, toMs: T + HOUR } },
      comparison: {
        labelSelector: '{service_name="b"}',
        profileTypeId: CPU,
        timeRange: { fromMs: T - 2 * HOUR, toMs: T - HOUR },
      },
    });
  });
});
