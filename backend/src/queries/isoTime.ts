/** Epoch milliseconds as ISO 8601 for messages; the raw number when it is no date. */
export function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}
