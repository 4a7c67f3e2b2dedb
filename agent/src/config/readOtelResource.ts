/** `OTEL_RESOURCE_ATTRIBUTES` (`k=v,k=v`, values percent-encoded) as a map; malformed pairs are skipped. */
export function readOtelResource(text: string | undefined): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const part of (text ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      continue;
    }
    const key = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw text
    }
    if (key !== '' && value !== '') {
      attributes[key] = value;
    }
  }
  return attributes;
}
