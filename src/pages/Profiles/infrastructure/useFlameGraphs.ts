import type { DataFrame } from '@grafana/data';
import { useMemo } from 'react';

import type { ProfilesDataSource } from '../../../datasource/ProfilesDataSource';
import type { ProfileQuery } from '../../../datasource/types';
import { type AsyncState, useAsync } from '../../../shared/useAsync';
import type { PlannedQuery } from '../domain/buildQueries';
import { spanToRange } from '../domain/resolveRange';
import { runQuery } from './runQuery';

type Wanted = { query: ProfileQuery; from: number; to: number };

/**
 * The frames of each flame graph query, in order. Runs again only when a query or its range changes, not
 * for every change of the page (colours, view) that rebuilds equal queries.
 */
export function useFlameGraphs(
  datasource: ProfilesDataSource | undefined,
  planned: PlannedQuery[]
): AsyncState<DataFrame[][]> {
  const key = JSON.stringify(
    planned.map(({ query, range }): Wanted => ({ query, from: range.from.valueOf(), to: range.to.valueOf() }))
  );
  const load = useMemo(() => {
    const wanted = JSON.parse(key) as Wanted[];
    if (!datasource || wanted.length === 0) {
      return undefined;
    }
    return () =>
      Promise.all(
        wanted.map(({ query, from, to }) => runQuery(datasource, { query, range: spanToRange({ from, to }) }))
      );
  }, [datasource, key]);
  return useAsync(load);
}
