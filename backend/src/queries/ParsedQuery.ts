import type { TimeRange } from '../plugin/types';

/** What one side of a profile query selects: a profile type, a label selector and a time range. */
export type ProfileSelection = {
  profileTypeId: string;
  labelSelector: string;
  timeRange: TimeRange;
};

/** A `profile`, `metrics` or `both` query, validated and with defaults filled in (see QUERY_MODEL.md). */
export type SelectionQuery = ProfileSelection & {
  queryType: 'profile' | 'metrics' | 'both';
  refId: string;
  intervalMs: number;
  groupBy: string[];
  limit?: number;
  maxNodes: number;
  /** Lower-case 16-hex span IDs; empty = the whole range. */
  spanSelector: string[];
};

/** A `diff` query: the baseline (left) against the comparison (right). */
export type DiffQuery = {
  queryType: 'diff';
  refId: string;
  maxNodes: number;
  baseline: ProfileSelection;
  comparison: ProfileSelection;
};

export type ParsedQuery = SelectionQuery | DiffQuery;
