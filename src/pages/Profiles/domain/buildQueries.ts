import type { TimeRange } from '@grafana/data';

import type { ProfileQuery } from '../../../datasource/types';
import type { ProfileSelection, ProfilesState } from './ProfilesState';
import { spanToRange } from './resolveRange';
import { sideSelector } from './sideSelector';

/** A query and the range it runs over (each side of the page may have its own). */
export type PlannedQuery = { query: ProfileQuery; range: TimeRange };

/** The resolved metric graph ranges of both sides. */
export type SideRanges = { main: TimeRange; comparison: TimeRange };

/** The profile metric over time of one side, for its metric graph. */
export function metricsQuery(
  side: Pick<ProfileSelection, 'service' | 'filters' | 'profileTypeId'>,
  refId: string
): ProfileQuery {
  return { refId, queryType: 'metrics', profileTypeId: side.profileTypeId, labelSelector: sideSelector(side) };
}

/** A side's flame graph range: what was dragged on its metric graph, else the graph's whole range. */
export function flameGraphRange(side: ProfileSelection, graphRange: TimeRange): TimeRange {
  return side.selection ? spanToRange(side.selection) : graphRange;
}

/**
 * The flame graph queries of the page: one `profile` query; for a diff one `diff` query whose comparison
 * carries its own selector, profile type and absolute range; side by side, one `profile` query per side.
 * None until the sides have profile types.
 */
export function flameGraphQueries(state: ProfilesState, ranges: SideRanges): PlannedQuery[] {
  const { main, comparison, maxNodes } = state;
  const profile = (side: ProfileSelection, refId: string): ProfileQuery => ({
    refId,
    queryType: 'profile',
    profileTypeId: side.profileTypeId,
    labelSelector: sideSelector(side),
    maxNodes,
  });
  const mainRange = flameGraphRange(main, ranges.main);
  const comparisonRange = flameGraphRange(comparison, ranges.comparison);
  if (state.mode === 'single') {
    const spans = state.spanSelector ?? [];
    const query = { ...profile(main, 'profile'), ...(spans.length > 0 ? { spanSelector: spans } : {}) };
    return main.profileTypeId === '' ? [] : [{ query, range: mainRange }];
  }
  if (main.profileTypeId === '' || comparison.profileTypeId === '') {
    return [];
  }
  if (state.diffView === 'sideBySide') {
    return [
      { query: profile(main, 'baseline'), range: mainRange },
      { query: profile(comparison, 'comparison'), range: comparisonRange },
    ];
  }
  const diff: ProfileQuery = {
    refId: 'diff',
    queryType: 'diff',
    profileTypeId: main.profileTypeId,
    labelSelector: sideSelector(main),
    maxNodes,
    comparison: {
      profileTypeId: comparison.profileTypeId,
      labelSelector: sideSelector(comparison),
      timeRange: { fromMs: comparisonRange.from.valueOf(), toMs: comparisonRange.to.valueOf() },
    },
  };
  return [{ query: diff, range: mainRange }];
}
