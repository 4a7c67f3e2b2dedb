/**
 * A span id as Pyroscope's span selector takes it (exactly 16 hex characters), lower-cased; undefined for
 * anything else, since one bad id fails the whole query ("invalid span id length").
 */
export function spanIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9a-fA-F]{16}$/.test(value) ? value.toLowerCase() : undefined;
}
