import { dateMath, dateTime, type DateTime, type TimeRange } from '@grafana/data';

import type { EpochSpan, RawRange } from './ProfilesState';

/**
 * A range as the user chose it, resolved against `now`: `now-1h`, `now/d`, ISO dates or epoch milliseconds
 * (what the URL holds for absolute ranges). Unreadable ends fall back to the last hour.
 */
export function resolveRange(raw: RawRange, now: number = Date.now()): TimeRange {
  const to = toDateTime(raw.to, true, now) ?? dateTime(now);
  const from = toDateTime(raw.from, false, now) ?? dateTime(to.valueOf() - 3600_000);
  return { from, to, raw: { from: raw.from, to: raw.to } };
}

/** An absolute span as a TimeRange (a dragged selection, a side's flame graph range). */
export function spanToRange(span: EpochSpan): TimeRange {
  const from = dateTime(span.from);
  const to = dateTime(span.to);
  return { from, to, raw: { from, to } };
}

function toDateTime(text: string, roundUp: boolean, now: number): DateTime | undefined {
  if (/^\d+$/.test(text)) {
    return dateTime(Number(text));
  }
  const parsed = dateMath.toDateTime(text, { roundUp, now: dateTime(now) });
  return parsed?.isValid() ? parsed : undefined;
}
