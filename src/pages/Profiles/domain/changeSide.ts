import type { ProfileSelection, ProfilesState } from './ProfilesState';

export type Side = 'main' | 'comparison';

const FOLLOWED = ['service', 'profileTypeId', 'filters', 'range'] as const;

/**
 * The state after a change to one side. A new range drops that side's selection (it may lie outside). In a
 * diff, comparison parts still equal to the baseline's follow the baseline's change, as they would after
 * a reload (the URL only names the parts where the comparison differs).
 */
export function changeSide(state: ProfilesState, side: Side, patch: Partial<ProfileSelection>): ProfilesState {
  const apply = (selection: ProfileSelection, change: Partial<ProfileSelection>): ProfileSelection => {
    const next = { ...selection, ...change };
    if (change.range && !('selection' in change)) {
      delete next.selection;
    }
    return next;
  };
  if (side === 'comparison') {
    return { ...state, comparison: apply(state.comparison, patch) };
  }
  const follow: Partial<ProfileSelection> = {};
  for (const key of FOLLOWED) {
    if (key in patch && JSON.stringify(state.comparison[key]) === JSON.stringify(state.main[key])) {
      Object.assign(follow, { [key]: patch[key] });
    }
  }
  return { ...state, main: apply(state.main, patch), comparison: apply(state.comparison, follow) };
}
