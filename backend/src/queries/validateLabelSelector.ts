/**
 * Checks a Prometheus-style label selector as Pyroscope parses it: `{name op "value", ...}` with ops =, !=,
 * =~, !~; names bare ([a-zA-Z_][a-zA-Z0-9_]*) or quoted ("service.version"); values quoted with ", ' or `;
 * an optional trailing comma; `{}` for everything. Returns what is wrong and where (1-based position), or
 * undefined when the selector is fine. Regular expressions are left to Pyroscope (RE2, not JS syntax).
 */
export function validateLabelSelector(selector: string): string | undefined {
  let i = 0;
  const skipSpace = () => {
    while (i < selector.length && /\s/.test(selector[i]!)) {
      i++;
    }
  };
  const found = () => (i < selector.length ? `found ${JSON.stringify(selector[i])}` : 'found the end');
  const at = () => `at position ${i + 1}`;

  // Returns an error message, or undefined after moving past the quoted string.
  const skipQuoted = (): string | undefined => {
    const quote = selector[i]!;
    const start = i;
    i++;
    while (i < selector.length && selector[i] !== quote) {
      if (selector[i] === '\\' && quote !== '`') {
        i++;
      } else if (selector[i] === '\n' && quote !== '`') {
        break;
      }
      i++;
    }
    if (i >= selector.length || selector[i] !== quote) {
      return `the string that starts at position ${start + 1} is not closed with ${quote}`;
    }
    i++;
    return undefined;
  };

  skipSpace();
  if (selector[i] !== '{') {
    if (/^[a-zA-Z_:]/.test(selector.slice(i)) && selector.includes('{')) {
      return 'starts with a name before "{"; put the profile type in profileTypeId and only {…} here';
    }
    return `must start with "{" ${at()}, ${found()}`;
  }
  i++;
  skipSpace();
  while (selector[i] !== '}') {
    const nameStart = i;
    if (selector[i] === '"' || selector[i] === "'" || selector[i] === '`') {
      const problem = skipQuoted();
      if (problem) {
        return problem;
      }
    } else if (/[a-zA-Z_]/.test(selector[i] ?? '')) {
      while (/[a-zA-Z0-9_]/.test(selector[i] ?? '')) {
        i++;
      }
    } else {
      return `expected a label name or "}" ${at()}, ${found()}`;
    }
    const name = selector.slice(nameStart, i);
    skipSpace();
    const op = /^(=~|!~|!=|=)/.exec(selector.slice(i))?.[0];
    if (!op) {
      return `expected =, !=, =~ or !~ after label name ${name} ${at()}, ${found()}`;
    }
    i += op.length;
    skipSpace();
    if (selector[i] !== '"' && selector[i] !== "'" && selector[i] !== '`') {
      return `expected a quoted value after ${name}${op} ${at()}, ${found()}; quote values like ${name}${op}"value"`;
    }
    const problem = skipQuoted();
    if (problem) {
      return problem;
    }
    skipSpace();
    if (selector[i] === ',') {
      i++;
      skipSpace();
    } else if (selector[i] !== '}') {
      return `expected "," or "}" ${at()}, ${found()}`;
    }
  }
  i++;
  skipSpace();
  if (i < selector.length) {
    return `unexpected text after "}" ${at()}`;
  }
  return undefined;
}
