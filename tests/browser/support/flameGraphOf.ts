import { type Page } from 'playwright-core';

import { flameGraphSeconds, topSymbols } from './flameGraphDom';
import { rootValue } from './readFixture';
import { type RecordedQueryName } from './recordedData';
import { waitUntil } from './waitUntil';

/**
 * Waits until the page's flame graph (in `scope`) is the recorded CPU profile `name`, told by its total in
 * the summary over the canvas (while the next one loads, a page keeps showing the last), and returns the
 * symbols of its top table's first `count` rows. `seconds` overrides the total to wait for.
 */
export async function flameGraphOf(
  page: Page,
  name: RecordedQueryName,
  { count = 4, scope, seconds = rootValue(name) / 1e9 }: { count?: number; scope?: string; seconds?: number } = {}
): Promise<string[]> {
  await waitUntil(
    () => flameGraphSeconds(page, scope),
    (shown) => Math.abs(shown - seconds) < 0.05,
    `the flame graph of ${name} (${seconds} s)`
  );
  return topSymbols(page, count, scope);
}
