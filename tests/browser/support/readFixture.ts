import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { column, labels } from '../../support/grafanaClient';
import { FIXTURE_DIR, type QueryFixture, RESOURCES_FILE, type ResourceFixture } from './fixtureFiles';
import { resourceKey } from '../host/resourceKey';
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

/** The `count` functions with the most self time in a recorded flame graph, most first. */
export function hottestFunctions(name: RecordedQueryName, count: number): string[] {
  return [...selfByFunction(name).entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([symbol]) => symbol);
}

/** The root's value (the profile's total) of a recorded flame graph, in its unit (CPU: nanoseconds). */
export function rootValue(name: RecordedQueryName): number {
  return column<number>(readFixture(name).response.results.A!.frames![0]!, 'value')[0]!;
}

/** The body of a recorded resource answer (`path` as in recordedData.ts's RECORDED_RESOURCES). */
export function readResource(path: string): unknown {
  const fixture = JSON.parse(readFileSync(join(FIXTURE_DIR, RESOURCES_FILE), 'utf8')) as ResourceFixture;
  return fixture.answers[resourceKey(path)]?.body;
}

/** A function's total on each side of a recorded diff, summed over its nodes as the top table does. */
export function diffSideTotals(name: RecordedQueryName, symbol: string): { baseline: number; comparison: number } {
  const frame = readFixture(name).response.results.A!.frames![0]!;
  const [values, valuesRight] = [column<number>(frame, 'value'), column<number>(frame, 'valueRight')];
  const rows = labels(frame).flatMap((label, row) => (label === symbol ? [row] : []));
  return {
    baseline: rows.reduce((sum, row) => sum + values[row]!, 0),
    comparison: rows.reduce((sum, row) => sum + valuesRight[row]!, 0),
  };
}
