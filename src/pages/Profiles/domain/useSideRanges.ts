import { useMemo, useState } from 'react';

import type { SideRanges } from './buildQueries';
import type { ProfilesState } from './ProfilesState';
import { resolveRange } from './resolveRange';

/**
 * Both sides' ranges, resolved once per change or refresh, so "now" in `now-1h` does not move on every
 * render. A comparison on the baseline's range shares its resolution.
 */
export function useSideRanges({ main, comparison }: ProfilesState): { ranges: SideRanges; refresh: () => void } {
  const [refreshes, setRefreshes] = useState(0);
  const mainKey = `${main.range.from}\n${main.range.to}\n${refreshes}`;
  const mainRange = useMemo(() => {
    const [from = '', to = ''] = mainKey.split('\n');
    return resolveRange({ from, to });
  }, [mainKey]);
  const { from, to } = comparison.range;
  const followsMain = from === main.range.from && to === main.range.to;
  const comparisonRange = useMemo(
    () => (followsMain ? mainRange : resolveRange({ from, to }, mainRange.to.valueOf())),
    [followsMain, from, to, mainRange]
  );
  const ranges = useMemo(() => ({ main: mainRange, comparison: comparisonRange }), [mainRange, comparisonRange]);
  return { ranges, refresh: () => setRefreshes((n) => n + 1) };
}
