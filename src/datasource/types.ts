import type { DataSourceJsonData } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';

export type ProfileQueryType = 'profile' | 'metrics' | 'both' | 'diff';

/** An absolute time range in epoch milliseconds, as the query model writes it. */
export type EpochRange = { fromMs: number; toMs: number };

/**
 * One side of a diff query (backend/src/queries/QUERY_MODEL.md). Every key is optional: a missing one is the
 * query's own selector, profile type or time range.
 */
export type DiffSide = {
  labelSelector?: string;
  profileTypeId?: string;
  timeRange?: EpochRange;
  /** The query's range moved earlier by this duration, e.g. '1w' or '24h'; never together with timeRange. */
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
  baseline?: DiffSide;
  comparison?: DiffSide;
};

/** What a template variable of this datasource lists. */
export type VariableQueryType = 'profileType' | 'labelName' | 'labelValue';

export type VariableQuery = DataQuery & {
  type: VariableQueryType;
  /** labelValue: whose values to list. */
  labelName?: string;
  /** labelName, labelValue: only labels of series that match this selector. */
  labelSelector?: string;
};

export type AuthType = 'none' | 'basic' | 'bearer';

export type Compression = 'auto' | 'gzip' | 'none';

/** The keys backend/src/settings/parseSettings.ts reads. */
export type ProfilesJsonData = DataSourceJsonData & {
  authType?: AuthType;
  basicAuthUser?: string;
  tenantId?: string;
  timeoutSeconds?: number;
  spanWindowPadSeconds?: number;
  minStep?: string;
  /** 'auto' asks Pyroscope for gzip only when its host looks remote. */
  compression?: Compression;
  /** Grafana's convention for extra headers: httpHeaderName1…N here, their values in secureJsonData. */
  [httpHeaderName: `httpHeaderName${number}`]: string | undefined;
};

export type ProfilesSecureJsonData = {
  basicAuthPassword?: string;
  bearerToken?: string;
  [httpHeaderValue: `httpHeaderValue${number}`]: string | undefined;
};

/** A profile type as the `profile-types` and `services` resources answer it. */
export type ProfileTypeOption = {
  id: string;
  name: string;
  sampleType: string;
  sampleUnit: string;
  periodType: string;
  periodUnit: string;
  /** `<name> - <sampleType>`, as Grafana's own Pyroscope datasource shows it. */
  label: string;
};

/** A service as the `services` resource answers it. */
export type ServiceOption = { name: string; profileTypes: ProfileTypeOption[] };

/** The body of POST `span-cpu`: at most 100 span ids (16 hex each), times in epoch ms. */
export type SpanCpuRequest = {
  profileTypeId: string;
  labelSelector: string;
  from: number;
  to: number;
  spanIds: string[];
};

/** `span-cpu`'s answer: each span's total (request order) and the selector's, over the padded window. */
export type SpanCpuAnswer = {
  spans: Array<{ spanId: string; total: number }>;
  serviceTotal: number;
  /** The profile type's sample unit, e.g. `nanoseconds`. */
  unit: string;
};

export const DEFAULT_MAX_NODES = 16384;

export const DEFAULT_QUERY: Partial<ProfileQuery> = {
  queryType: 'profile',
  labelSelector: '{}',
  groupBy: [],
  maxNodes: DEFAULT_MAX_NODES,
};
