import type { TrigRecord } from './types';

/** The list endpoint's answer as JSON text (a few hundred KB for 1,000 records). */
export function serializeTrigs(records: TrigRecord[], limit: number, offset: number): string {
  return JSON.stringify({ count: records.length, limit, offset, items: records });
}
