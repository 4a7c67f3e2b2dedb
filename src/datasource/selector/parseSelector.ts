import type { MatchOperator, Matcher } from './Matcher';

export type ParsedSelector = { matchers: Matcher[] } | { error: string };

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/**
 * Reads a Prometheus-style label selector as Pyroscope does (`{name op "value", …}`; names bare or quoted;
 * values quoted with ", ' or `; `{}` or an empty text for everything). The backend checks selectors again;
 * this is for the editors, which need the matchers themselves.
 */
export function parseSelector(selector: string): ParsedSelector {
  const text = selector.trim();
  if (text === '') {
    return { matchers: [] };
  }
  let i = 0;
  const fail = (what: string): ParsedSelector => ({
    error: `${what} at position ${i + 1}${i < text.length ? ` (found ${JSON.stringify(text[i])})` : ''}`,
  });
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) {
      i++;
    }
  };
  const readQuoted = (): string | undefined => {
    const quote = text[i]!;
    let out = '';
    i++;
    while (i < text.length && text[i] !== quote) {
      const c = text[i]!;
      if (c === '\\' && quote !== '`') {
        const escaped = readEscape();
        if (escaped === undefined) {
          return undefined;
        }
        out += escaped;
        continue;
      }
      out += c;
      i++;
    }
    if (text[i] !== quote) {
      return undefined;
    }
    i++;
    return out;
  };
  const readEscape = (): string | undefined => {
    const c = text[i + 1];
    if (c === undefined) {
      return undefined;
    }
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      i += 2;
      return simple;
    }
    const hexLength = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
    const digits = hexLength > 0 ? text.slice(i + 2, i + 2 + hexLength) : '';
    if (hexLength > 0 && new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(digits)) {
      i += 2 + hexLength;
      return String.fromCodePoint(parseInt(digits, 16));
    }
    const octal = text.slice(i + 1, i + 4);
    if (/^[0-7]{3}$/.test(octal)) {
      i += 4;
      return String.fromCharCode(parseInt(octal, 8));
    }
    return undefined;
  };

  skipSpace();
  if (text[i] !== '{') {
    return fail('a selector starts with "{"');
  }
  i++;
  const matchers: Matcher[] = [];
  skipSpace();
  while (text[i] !== '}') {
    let name: string | undefined;
    if (text[i] === '"' || text[i] === "'" || text[i] === '`') {
      name = readQuoted();
      if (name === undefined) {
        return fail('unclosed or badly escaped label name');
      }
    } else {
      const match = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(text.slice(i));
      if (match === null) {
        return fail('expected a label name or "}"');
      }
      name = match[0];
      i += name.length;
    }
    skipSpace();
    const operator = /^(=~|!~|!=|=)/.exec(text.slice(i))?.[0] as MatchOperator | undefined;
    if (operator === undefined) {
      return fail(`expected =, !=, =~ or !~ after ${name}`);
    }
    i += operator.length;
    skipSpace();
    if (text[i] !== '"' && text[i] !== "'" && text[i] !== '`') {
      return fail(`expected a quoted value after ${name}${operator}`);
    }
    const value = readQuoted();
    if (value === undefined) {
      return fail('unclosed or badly escaped value');
    }
    matchers.push({ name, operator, value });
    skipSpace();
    if (text[i] === ',') {
      i++;
      skipSpace();
    } else if (text[i] !== '}') {
      return fail('expected "," or "}"');
    }
  }
  i++;
  skipSpace();
  if (i < text.length) {
    return fail('unexpected text after "}"');
  }
  return { matchers };
}
