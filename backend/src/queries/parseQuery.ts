import { parseProfileTypeId } from '../frames/parseProfileTypeId';
import type { DataQuery, TimeRange } from '../plugin/types';
import { isoTime } from './isoTime';
import type { ParsedQuery, ProfileSelection } from './ParsedQuery';
import { parseDuration } from './parseDuration';
import { QueryError } from './QueryError';
import { validateLabelSelector } from './validateLabelSelector';

export const DEFAULT_MAX_NODES = 16384;
export const MAX_MAX_NODES = 1048576;

const queryTypes = ['profile', 'metrics', 'both', 'diff'] as const;
const exampleProfileType = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

/**
 * Reads one query of the model in QUERY_MODEL.md (compatible with Grafana's core Pyroscope datasource,
 * plus `diff`), fills in defaults and checks every field. Returns a QueryError that names the field and
 * says what to change instead of throwing.
 */
export function parseQuery(query: DataQuery): ParsedQuery | QueryError {
  try {
    return parse(query);
  } catch (error) {
    if (error instanceof QueryError) {
      return error;
    }
    throw error;
  }
}

function parse(query: DataQuery): ParsedQuery {
  const json = query.json;
  const queryType = query.queryType || optionalString(json, 'queryType') || 'both';
  if (!(queryTypes as readonly string[]).includes(queryType)) {
    throw new QueryError(
      `queryType ${JSON.stringify(queryType)} is not supported; use one of ${queryTypes.join(', ')}`
    );
  }
  const timeRange = checkedTimeRange(query.timeRange, 'the query time range');
  const own: ProfileSelection = {
    profileTypeId: profileTypeId(json.profileTypeId, 'profileTypeId'),
    labelSelector: labelSelector(json.labelSelector, 'labelSelector'),
    timeRange,
  };
  const maxNodes = wholeNumber(json, 'maxNodes', 1, MAX_MAX_NODES) ?? DEFAULT_MAX_NODES;
  const spanSelector = spanIds(json.spanSelector);

  if (queryType === 'diff') {
    if (spanSelector.length > 0) {
      throw new QueryError('spanSelector cannot be used with queryType "diff"; remove it or use queryType "profile"');
    }
    const baseline = side(json, 'baseline', own);
    const comparison = side(json, 'comparison', own);
    const baselineUnit = parseProfileTypeId(baseline.profileTypeId)!.sampleUnit;
    const comparisonUnit = parseProfileTypeId(comparison.profileTypeId)!.sampleUnit;
    if (baselineUnit !== comparisonUnit) {
      throw new QueryError(
        `the baseline (${baseline.profileTypeId}) and comparison (${comparison.profileTypeId}) profile types measure different units (${baselineUnit} vs ${comparisonUnit}); compare profile types of the same unit`
      );
    }
    return { queryType, refId: query.refId, maxNodes, baseline, comparison };
  }

  const limit = wholeNumber(json, 'limit', 0, Number.MAX_SAFE_INTEGER);
  return {
    queryType: queryType as 'profile' | 'metrics' | 'both',
    refId: query.refId,
    ...own,
    intervalMs: query.intervalMs,
    groupBy: groupBy(json.groupBy),
    ...(limit ? { limit } : {}),
    maxNodes,
    spanSelector,
  };
}

/** `baseline`/`comparison`: the query's own selection, with any of its parts replaced. */
function side(json: Record<string, unknown>, key: 'baseline' | 'comparison', own: ProfileSelection): ProfileSelection {
  const value = json[key];
  if (value === undefined || value === null) {
    return own;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new QueryError(`${key} must be an object like {"labelSelector": "{…}", "shift": "1w"}`);
  }
  const override = value as Record<string, unknown>;
  if (override.timeRange !== undefined && override.shift !== undefined) {
    throw new QueryError(`${key} has both timeRange and shift; give one of them`);
  }
  let timeRange = own.timeRange;
  if (override.timeRange !== undefined) {
    timeRange = checkedTimeRange(override.timeRange, `${key}.timeRange`);
  } else if (override.shift !== undefined) {
    const shiftMs = typeof override.shift === 'string' ? parseDuration(override.shift) : undefined;
    if (shiftMs === undefined) {
      throw new QueryError(
        `${key}.shift ${JSON.stringify(override.shift)} is not a duration; write it like "1w", "24h", "30m" or "-1h" (a positive shift moves the range earlier)`
      );
    }
    timeRange = { fromMs: own.timeRange.fromMs - shiftMs, toMs: own.timeRange.toMs - shiftMs };
  }
  return {
    profileTypeId:
      override.profileTypeId === undefined
        ? own.profileTypeId
        : profileTypeId(override.profileTypeId, `${key}.profileTypeId`),
    labelSelector:
      override.labelSelector === undefined
        ? own.labelSelector
        : labelSelector(override.labelSelector, `${key}.labelSelector`),
    timeRange,
  };
}

function profileTypeId(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') {
    throw new QueryError(`${field} is required: choose a profile type, e.g. ${exampleProfileType}`);
  }
  if (typeof value !== 'string' || !parseProfileTypeId(value)) {
    throw new QueryError(
      `${field} ${JSON.stringify(value)} is not a profile type ID; it has the form <name>:<sampleType>:<sampleUnit>:<periodType>:<periodUnit>, e.g. ${exampleProfileType}`
    );
  }
  return value;
}

function labelSelector(value: unknown, field: string): string {
  if (value === undefined || value === null) {
    return '{}';
  }
  if (typeof value !== 'string') {
    throw new QueryError(`${field} must be a string like {service_name="checkout"}`);
  }
  const selector = value.trim();
  if (selector === '') {
    return '{}';
  }
  const problem = validateLabelSelector(selector);
  if (problem) {
    throw new QueryError(
      `${field} ${selector} is not a label selector: ${problem}; write it like {service_name="checkout"}`
    );
  }
  return selector;
}

/** An optional whole number in [min, max]; absent, null (and 0 when min is 0) mean "not set". */
function wholeNumber(json: Record<string, unknown>, field: string, min: number, max: number): number | undefined {
  const value = json[field];
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    const range = min === 0 ? 'a positive whole number (0 = no limit)' : `a whole number from ${min} to ${max}`;
    throw new QueryError(`${field} must be ${range}, got ${JSON.stringify(value)}`);
  }
  return n === 0 ? undefined : n;
}

function groupBy(value: unknown): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  const names = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) {
    throw new QueryError('groupBy must be a list of label names, e.g. ["service_name"]');
  }
  return (names as string[]).map((name) => name.trim()).filter((name) => name !== '');
}

function spanIds(value: unknown): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  const ids = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw new QueryError('spanSelector must be a list of span IDs (16 hexadecimal characters each)');
  }
  // Tempo's link sends [""] for spans without a pyroscope.profile.id attribute: no span filter then.
  return (ids as string[]).flatMap((raw, index) => {
    const id = raw.trim();
    if (id === '') {
      return [];
    }
    if (!/^[0-9a-fA-F]{16}$/.test(id)) {
      throw new QueryError(
        `spanSelector[${index}] ${JSON.stringify(id)} is not a span ID; a span ID is 16 hexadecimal characters, like 7be2a3c41e9f0d28`
      );
    }
    return [id.toLowerCase()];
  });
}

function checkedTimeRange(value: unknown, field: string): TimeRange {
  const range = value as Partial<TimeRange> | null | undefined;
  const fromMs = range?.fromMs;
  const toMs = range?.toMs;
  if (typeof fromMs !== 'number' || typeof toMs !== 'number' || !Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
    throw new QueryError(`${field} must be {"fromMs": <epoch ms>, "toMs": <epoch ms>}`);
  }
  if (fromMs >= toMs) {
    throw new QueryError(
      `${field} ${isoTime(fromMs)} … ${isoTime(toMs)} is empty; pick a range whose end is after its start`
    );
  }
  return { fromMs, toMs };
}

function optionalString(json: Record<string, unknown>, field: string): string | undefined {
  const value = json[field];
  return typeof value === 'string' ? value : undefined;
}
