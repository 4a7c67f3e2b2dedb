import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import { escapeRegex } from '../selector/escapeRegex';
import { formatSelector } from '../selector/formatSelector';
import { isRegexOperator, type Matcher } from '../selector/Matcher';
import { parseSelector } from '../selector/parseSelector';

// Grafana's variable syntax: $var, [[var]], [[var:fmt]], ${var}, ${var.path}, ${var:fmt}.
const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;
const HAS_VARIABLE = new RegExp(VARIABLE.source);

/** A part of a matcher's value after interpolation. */
type Piece =
  /** Text the user wrote (or a reference to a variable Grafana does not know). */
  | { kind: 'text'; text: string }
  /** A variable's values; `escape`: it is multi-value or has "All", so its values are data, not regexes. */
  | { kind: 'values'; values: string[]; escape: boolean }
  /** Already formatted by Grafana: a custom "All" value (a regex, e.g. `.*`) or an explicit `${var:format}`. */
  | { kind: 'raw'; text: string; regex: boolean };

type VariableInfo = { multi?: boolean; includeAll?: boolean };

/**
 * Interpolates template variables in a label selector so that multi-value variables work: a variable with
 * several values becomes a regex alternation of its regex-escaped values, and the matcher becomes a regex
 * matcher (`=` → `=~`, `!=` → `!~`), e.g. `{pod="$pod"}` → `{pod=~"api\\.1|api-2"}`. Grafana's default
 * formatting (`{a,b}`) is what breaks the core Pyroscope datasource (grafana/grafana#108914).
 *
 * - One value: `=`/`!=` get it literally; `=~`/`!~` get it regex-escaped if the variable is multi-value
 *   or has "All" (its values are data), as it is if not (a text box holding a regex).
 * - "All" without a custom all value: every value, as an alternation. With a custom all value (e.g. `.*`):
 *   that value, unescaped, as a regex.
 * - Literal text next to a multi-value variable in a converted matcher is regex-escaped, so
 *   `{pod="$pod.prod"}` matches exactly `<value>.prod`; the alternation is then parenthesised.
 * - `${var:format}` is left to the format the user chose. A selector the parser cannot read (e.g. a variable
 *   as a label name) is interpolated as plain text, multi-values joined as an alternation.
 */
export function interpolateSelector(selector: string, scopedVars: ScopedVars, templateSrv: TemplateSrv): string {
  if (!HAS_VARIABLE.test(selector)) {
    return selector;
  }
  const parsed = parseSelector(selector);
  if ('error' in parsed) {
    return templateSrv.replace(selector, scopedVars, (value: unknown) =>
      Array.isArray(value) ? value.map((v) => escapeRegex(String(v))).join('|') : String(value ?? '')
    );
  }
  return formatSelector(parsed.matchers.map((matcher) => interpolateMatcher(matcher, scopedVars, templateSrv)));
}

function interpolateMatcher(matcher: Matcher, scopedVars: ScopedVars, templateSrv: TemplateSrv): Matcher {
  const pieces = splitValue(matcher.value, scopedVars, templateSrv);
  if (pieces.every((piece) => piece.kind === 'text')) {
    return matcher;
  }
  const needsRegex = pieces.some(
    (piece) => (piece.kind === 'values' && piece.values.length > 1) || (piece.kind === 'raw' && piece.regex)
  );
  const converted = needsRegex && !isRegexOperator(matcher.operator);
  const operator = converted ? (matcher.operator === '=' ? '=~' : '!~') : matcher.operator;
  const regex = isRegexOperator(operator);
  const alone = pieces.length === 1;
  const value = pieces
    .map((piece) => {
      switch (piece.kind) {
        case 'text':
          return converted ? escapeRegex(piece.text) : piece.text;
        case 'raw':
          return piece.text;
        case 'values': {
          const values = regex && (converted || piece.escape) ? piece.values.map(escapeRegex) : piece.values;
          if (values.length <= 1) {
            return values[0] ?? '';
          }
          return alone ? values.join('|') : `(${values.join('|')})`;
        }
      }
    })
    .join('');
  return { name: matcher.name, operator, value };
}

function splitValue(value: string, scopedVars: ScopedVars, templateSrv: TemplateSrv): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of value.matchAll(VARIABLE)) {
    const start = match.index ?? 0;
    if (start > last) {
      pieces.push({ kind: 'text', text: value.slice(last, start) });
    }
    const explicitFormat = match[3] ?? match[6];
    pieces.push(resolve(match[0], explicitFormat !== undefined, scopedVars, templateSrv));
    last = start + match[0].length;
  }
  if (last < value.length) {
    pieces.push({ kind: 'text', text: value.slice(last) });
  }
  return pieces;
}

function resolve(reference: string, explicitFormat: boolean, scopedVars: ScopedVars, templateSrv: TemplateSrv): Piece {
  let captured: Piece | undefined;
  const replaced = templateSrv.replace(reference, scopedVars, (value: unknown, variable?: VariableInfo) => {
    const values = Array.isArray(value) ? value.map((v) => String(v)) : [String(value ?? '')];
    captured = { kind: 'values', values, escape: Boolean(variable?.multi || variable?.includeAll) };
    return '';
  });
  if (captured !== undefined) {
    return captured;
  }
  if (replaced === reference) {
    return { kind: 'text', text: reference };
  }
  // Grafana skips the format function for a custom "All" value (a regex) and for an explicit format.
  return { kind: 'raw', text: replaced, regex: !explicitFormat };
}
