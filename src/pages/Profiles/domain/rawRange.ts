import { isDateTime, type TimeRange } from '@grafana/data';

import type { RawRange } from './ProfilesState';

/** A range from Grafana's time picker as the URL keeps it: relative text as is, absolute times as epoch ms. */
export function rawRange(range: TimeRange): RawRange {
  const text = (raw: TimeRange['raw']['from'], resolved: TimeRange['from']) =>
    isDateTime(raw) ? String(raw.valueOf()) : typeof raw === 'string' ? raw : String(resolved.valueOf());
  return { from: text(range.raw.from, range.from), to: text(range.raw.to, range.to) };
}

/** The time picker's arrows: the same length, one length earlier (-1) or later (1). */
export function shiftRange(range: TimeRange, direction: -1 | 1): RawRange {
  const length = range.to.valueOf() - range.from.valueOf();
  return {
    from: String(range.from.valueOf() + direction * length),
    to: String(range.to.valueOf() + direction * length),
  };
}

/** The time picker's zoom out: twice as long, around the same middle. */
export function zoomOut(range: TimeRange): RawRange {
  const length = range.to.valueOf() - range.from.valueOf();
  const half = Math.round(length / 2);
  return { from: String(range.from.valueOf() - half), to: String(range.to.valueOf() + half) };
}
