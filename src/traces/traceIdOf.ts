/** A trace id (32 hex characters, or 16 for the 64-bit ids of older tracers), lower-cased; else undefined. */
export function traceIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^([0-9a-fA-F]{16}){1,2}$/.test(value) ? value.toLowerCase() : undefined;
}
