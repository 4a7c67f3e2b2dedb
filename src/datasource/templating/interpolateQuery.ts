import type { AdHocVariableFilter, ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import { formatSelector } from '../selector/formatSelector';
import { parseSelector } from '../selector/parseSelector';
import type { DiffSide, ProfileQuery } from '../types';
import { adHocMatchers } from './adHocMatchers';
import { interpolateSelector } from './interpolateSelector';

/**
 * A query with its template variables replaced: selectors through interpolateSelector (multi-value →
 * regex alternation); `groupBy` and `spanSelector` entries expand to one entry per value; ad hoc filters
 * are added to the selector.
 */
export function interpolateQuery(
  query: ProfileQuery,
  scopedVars: ScopedVars,
  templateSrv: TemplateSrv,
  filters: readonly AdHocVariableFilter[] = []
): ProfileQuery {
  const text = (value: string) => templateSrv.replace(value, scopedVars);
  const list = (values: string[] | undefined) =>
    values?.flatMap((value) =>
      templateSrv
        .replace(value, scopedVars, 'csv')
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
    );
  const selector = (value: string) => interpolateSelector(value, scopedVars, templateSrv);
  const side = (s: DiffSide | undefined): DiffSide | undefined =>
    s && {
      ...s,
      ...(s.labelSelector !== undefined ? { labelSelector: withFilters(selector(s.labelSelector), filters) } : {}),
      ...(s.profileTypeId !== undefined ? { profileTypeId: text(s.profileTypeId) } : {}),
      ...(s.shift !== undefined ? { shift: text(s.shift) } : {}),
    };
  return {
    ...query,
    labelSelector: withFilters(selector(query.labelSelector ?? '{}'), filters),
    profileTypeId: text(query.profileTypeId ?? ''),
    ...(query.groupBy ? { groupBy: list(query.groupBy) } : {}),
    ...(query.spanSelector ? { spanSelector: list(query.spanSelector) } : {}),
    ...(query.baseline ? { baseline: side(query.baseline) } : {}),
    ...(query.comparison ? { comparison: side(query.comparison) } : {}),
  };
}

function withFilters(selector: string, filters: readonly AdHocVariableFilter[]): string {
  const extra = adHocMatchers(filters);
  const parsed = parseSelector(selector);
  if (extra.length === 0 || 'error' in parsed) {
    return selector;
  }
  return formatSelector([...parsed.matchers, ...extra]);
}
