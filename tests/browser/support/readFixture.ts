import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { column, labels } from '../../support/grafanaClient';
import { FIXTURE_DIR, type QueryFixture } from './fixtureFiles';
import { type RecordedQueryName } from './recordedData';

/** A recorded query's fixture. */
export function readFixture(name: RecordedQueryName): QueryFixture {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')) as QueryFixture;
}

/** Self time per function of a recorded flame graph (or of one side of a diff), summed over its nodes. */
export function selfByFunction(name: RecordedQueryName, selfField: 'self' | 'selfRight' = 'self'): Map<string, number> {
  const frame = readFixture(name).response.results.A!.frames![0]!;
  const selfs = column<number>(frame, selfField);
  const totals = new Map<string, number>();
  labels(frame).forEach((label, row) => totals.set(label, (totals.get(label) ?? 0) + selfs[row]!));
  return totals;
}
