import type { DataQuery } from '@grafana/schema';
import type { DataSourceJsonData } from '@grafana/data';

export type ProfileQueryType = 'profile' | 'metrics' | 'both' | 'diff';

/** The comparison side of a diff query: its own selector, profile type and time range. */
export type ComparisonSide = {
  labelSelector?: string;
  profileTypeId?: string;
  timeRange?: { fromMs: number; toMs: number };
  /** Shift of the query's range into the past, e.g. '1w' or '24h'; used when timeRange is absent. */
  shift?: string;
};

/** Compatible with Grafana's core Pyroscope datasource query, extended for diffs. */
export type ProfileQuery = DataQuery & {
  queryType?: ProfileQueryType;
  labelSelector?: string;
  profileTypeId?: string;
  groupBy?: string[];
  limit?: number;
  maxNodes?: number;
  spanSelector?: string[];
  comparison?: ComparisonSide;
};

export type AuthType = 'none' | 'basic' | 'bearer';

export type ProfilesJsonData = DataSourceJsonData & {
  authType?: AuthType;
  basicAuthUser?: string;
  tenantId?: string;
  timeoutSeconds?: number;
  spanWindowPadSeconds?: number;
  minStep?: string;
  /** 'auto' asks Pyroscope for gzip only when its host looks remote. */
  compression?: 'auto' | 'gzip' | 'none';
};

export type ProfilesSecureJsonData = {
  basicAuthPassword?: string;
  bearerToken?: string;
};

export const DEFAULT_QUERY: Partial<ProfileQuery> = {
  queryType: 'profile',
  labelSelector: '{}',
  groupBy: [],
  maxNodes: 16384,
};
