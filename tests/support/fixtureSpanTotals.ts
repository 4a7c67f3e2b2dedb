import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';

import { fixturePath } from './fixturePath';

/**
 * Sum of one sample type per span id in a fixture, read straight from the pprof (`span_id`, or the older
 * `profile_id` label that Pyroscope renames to `span_id`).
 */
export function fixtureSpanTotals(fixture: string, sampleType: string): Map<string, number> {
  const raw = readFileSync(fixturePath(fixture));
  const profile = Profile.decode(raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw);
  const strings = profile.stringTable.strings;
  const valueIndex = profile.sampleType.findIndex((type) => strings[Number(type.type)] === sampleType);
  const totals = new Map<string, number>();
  for (const sample of profile.sample) {
    for (const label of sample.label) {
      const key = strings[Number(label.key)];
      if (key === 'span_id' || key === 'profile_id') {
        const span = strings[Number(label.str)]!;
        totals.set(span, (totals.get(span) ?? 0) + Number(sample.value[valueIndex]));
      }
    }
  }
  return totals;
}
