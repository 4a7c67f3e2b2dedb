import type { TimeRange } from '@grafana/data';

import { DATASOURCE_TYPE, PANEL_TYPE } from '../../../constants';
import type { ProfileQuery } from '../../../datasource/types';
import { flameGraphRange, metricsQuery, type SideRanges } from './buildQueries';
import type { ProfilesState } from './ProfilesState';
import { sideSelector } from './sideSelector';

/** The body of Grafana's `POST /api/dashboards/db` that creates it. */
export type DashboardSave = {
  dashboard: Record<string, unknown>;
  folderUid: string;
  overwrite: false;
  message: string;
};

/**
 * A new dashboard with what the page shows: the profile metric (both sides' in a diff) and a flame graph
 * panel (`emberlabs-profiles-panel`) with the page's query. Its time range is the flame graph's; a diff
 * query carries both sides' absolute ranges, so it keeps comparing the same two ranges.
 */
export function buildDashboard(state: ProfilesState, ranges: SideRanges, title: string): DashboardSave {
  const datasource = { type: DATASOURCE_TYPE, uid: state.datasource };
  const { main, comparison } = state;
  const mainRange = flameGraphRange(main, ranges.main);
  const isDiff = state.mode === 'diff';

  const metrics = [metricsQuery(main, 'A')];
  if (isDiff && (sideSelector(comparison) !== sideSelector(main) || comparison.profileTypeId !== main.profileTypeId)) {
    metrics.push(metricsQuery(comparison, 'B'));
  }
  const flameGraph: ProfileQuery = isDiff
    ? {
        refId: 'A',
        queryType: 'diff',
        profileTypeId: main.profileTypeId,
        labelSelector: sideSelector(main),
        maxNodes: state.maxNodes,
        baseline: { timeRange: epochRange(mainRange) },
        comparison: {
          profileTypeId: comparison.profileTypeId,
          labelSelector: sideSelector(comparison),
          timeRange: epochRange(flameGraphRange(comparison, ranges.comparison)),
        },
      }
    : {
        refId: 'A',
        queryType: 'profile',
        profileTypeId: main.profileTypeId,
        labelSelector: sideSelector(main),
        maxNodes: state.maxNodes,
      };

  const time = isDiff
    ? {
        from: String(Math.min(ranges.main.from.valueOf(), ranges.comparison.from.valueOf())),
        to: String(Math.max(ranges.main.to.valueOf(), ranges.comparison.to.valueOf())),
      }
    : main.selection
      ? { from: String(main.selection.from), to: String(main.selection.to) }
      : main.range;

  return {
    dashboard: {
      title,
      tags: ['profiles'],
      editable: true,
      schemaVersion: 41,
      time,
      panels: [
        {
          id: 1,
          type: 'timeseries',
          title: isDiff ? 'Baseline and comparison' : `${main.service || 'All services'}`,
          gridPos: { x: 0, y: 0, w: 24, h: 8 },
          datasource,
          targets: metrics.map((query) => ({ ...query, datasource })),
        },
        {
          id: 2,
          type: PANEL_TYPE,
          title: isDiff ? 'Diff flame graph' : 'Flame graph',
          gridPos: { x: 0, y: 8, w: 24, h: 18 },
          datasource,
          targets: [{ ...flameGraph, datasource }],
          ...(isDiff ? { options: { diffColouring: state.colorScale } } : {}),
        },
      ],
    },
    folderUid: '',
    overwrite: false,
    message: 'Created from the Profiles page',
  };
}

function epochRange(range: TimeRange) {
  return { fromMs: range.from.valueOf(), toMs: range.to.valueOf() };
}
