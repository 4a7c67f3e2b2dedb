export type MatchOperator = '=' | '!=' | '=~' | '!~';

export const MATCH_OPERATORS: readonly MatchOperator[] = ['=', '!=', '=~', '!~'];

/** One `name op "value"` of a label selector; `value` is the text the string literal stands for (unquoted). */
export type Matcher = { name: string; operator: MatchOperator; value: string };

export function isRegexOperator(operator: MatchOperator): boolean {
  return operator === '=~' || operator === '!~';
}
