import type { AdHocVariableFilter } from '@grafana/data';

import { escapeRegex } from '../selector/escapeRegex';
import { MATCH_OPERATORS, type MatchOperator, type Matcher } from '../selector/Matcher';

/**
 * Grafana's ad hoc filters as matchers. `=|` / `!=|` (one of several values) become regex alternations;
 * operators a label selector cannot express (`<`, `>`) are left out.
 */
export function adHocMatchers(filters: readonly AdHocVariableFilter[]): Matcher[] {
  return filters.flatMap((filter): Matcher[] => {
    if (filter.operator === '=|' || filter.operator === '!=|') {
      const values = filter.values ?? [filter.value];
      return [
        {
          name: filter.key,
          operator: filter.operator === '=|' ? '=~' : '!~',
          value: values.map(escapeRegex).join('|'),
        },
      ];
    }
    const operator = MATCH_OPERATORS.find((op) => op === filter.operator);
    return operator === undefined
      ? []
      : [{ name: filter.key, operator: operator as MatchOperator, value: filter.value }];
  });
}
