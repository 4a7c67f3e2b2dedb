import type { Matcher } from './Matcher';

const IDENTIFIER = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Matchers → `{name="value", …}`. Values become double-quoted string literals (JSON's escapes are a subset of
 * the Go string literals Pyroscope's parser reads); names that are not identifiers are quoted too.
 */
export function formatSelector(matchers: readonly Matcher[]): string {
  const parts = matchers.map(
    ({ name, operator, value }) =>
      `${IDENTIFIER.test(name) ? name : JSON.stringify(name)}${operator}${JSON.stringify(value)}`
  );
  return `{${parts.join(', ')}}`;
}
