import type { RawRange } from './ProfilesState';
import { resolveRange } from './resolveRange';

const UNIT_MS = { h: 3600_000, d: 86400_000, w: 604800_000 } as const;

export type Shift = `${number}${keyof typeof UNIT_MS}`;

/**
 * A range moved into the past by `shift` (e.g. `1w`), for a comparison against the baseline's range:
 * relative ends stay relative (`now-1h` → `now-1h-1w`, so a link keeps comparing "the last hour with the
 * same hour a week ago"), absolute ends move by the duration.
 */
export function shiftEarlier(range: RawRange, shift: Shift, now: number = Date.now()): RawRange {
  const match = /^(\d+)([hdw])$/.exec(shift);
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : 0;
  const resolved = resolveRange(range, now);
  const move = (text: string, resolvedMs: number) =>
    text.startsWith('now') ? `${text}-${shift}` : String(resolvedMs - ms);
  return { from: move(range.from, resolved.from.valueOf()), to: move(range.to, resolved.to.valueOf()) };
}
