import type { DataFrame, TimeRange } from '@grafana/data';
import { useMemo } from 'react';

import type { ProfilesDataSource } from '../../../datasource/ProfilesDataSource';
import { type AsyncState, useAsync } from '../../../shared/useAsync';
import { metricsQuery } from '../domain/buildQueries';
import type { ProfileSelection } from '../domain/ProfilesState';
import { runQuery } from './runQuery';

/** A side's profile metric over its range (a `metrics` query); idle until the side has a profile type. */
export function useMetric(
  datasource: ProfilesDataSource | undefined,
  side: ProfileSelection,
  range: TimeRange,
  refId: string
): AsyncState<DataFrame[]> {
  const { service, filters, profileTypeId } = side;
  const load = useMemo(() => {
    if (!datasource || profileTypeId === '') {
      return undefined;
    }
    const query = metricsQuery({ service, filters, profileTypeId }, refId);
    return () => runQuery(datasource, { query, range });
  }, [datasource, service, filters, profileTypeId, range, refId]);
  return useAsync(load);
}
