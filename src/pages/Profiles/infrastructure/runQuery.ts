import { CoreApp, type DataFrame, type DataQueryRequest, rangeUtil } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import type { ProfilesDataSource } from '../../../datasource/ProfilesDataSource';
import type { ProfileQuery } from '../../../datasource/types';
import type { PlannedQuery } from '../domain/buildQueries';

/** Points a metric graph asks for: about one per 2 px of a wide screen. */
const MAX_DATA_POINTS = 1000;

/**
 * Runs one query through the datasource (POST /api/ds/query, as Grafana's panels do) and returns its
 * frames; a failed query rejects with the backend's message.
 */
export async function runQuery(datasource: ProfilesDataSource, { query, range }: PlannedQuery): Promise<DataFrame[]> {
  const { interval, intervalMs } = rangeUtil.calculateInterval(range, MAX_DATA_POINTS);
  const request: DataQueryRequest<ProfileQuery> = {
    app: CoreApp.Unknown,
    requestId: `emberlabs-profiles-page-${query.refId}`,
    interval,
    intervalMs,
    maxDataPoints: MAX_DATA_POINTS,
    range,
    scopedVars: {},
    targets: [query],
    timezone: 'browser',
    startTime: Date.now(),
  };
  const response = await lastValueFrom(datasource.query(request));
  const error = response.errors?.[0];
  if (error) {
    throw new Error(error.message || error.data?.message || 'The query failed; the Grafana server log has details');
  }
  return response.data as DataFrame[];
}
