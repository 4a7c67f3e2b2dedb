import type { SideRanges } from './buildQueries';
import type { ProfilesState } from './ProfilesState';

/**
 * The state with both sides' ranges fixed to what they are now (epoch ms), for a link that shows the same
 * data tomorrow. Selections are absolute already.
 */
export function absoluteState(state: ProfilesState, ranges: SideRanges): ProfilesState {
  const fixed = (range: SideRanges['main']) => ({
    from: String(range.from.valueOf()),
    to: String(range.to.valueOf()),
  });
  return {
    ...state,
    main: { ...state.main, range: fixed(ranges.main) },
    comparison: { ...state.comparison, range: fixed(ranges.comparison) },
  };
}
