import { locationService } from '@grafana/runtime';
import { useMemo } from 'react';
import { useLocation } from 'react-router-dom';

import { changeSide, type Side } from './changeSide';
import type { ProfileSelection, ProfilesState } from './ProfilesState';
import { parse, serialize } from './urlState';

export type ProfilesStateActions = {
  /** A user's choice: a new history entry, so Back undoes it. */
  update: (patch: Partial<ProfilesState>) => void;
  updateSide: (side: Side, patch: Partial<ProfileSelection>) => void;
  /** A choice the page makes for the user (defaults): replaces the entry. */
  fillIn: (patch: Partial<ProfilesState>) => void;
  fillInSide: (side: Side, patch: Partial<ProfileSelection>) => void;
};

/** The page's state lives in its URL: read from the location, written through Grafana's locationService. */
export function useProfilesState(): { state: ProfilesState; actions: ProfilesStateActions } {
  const { pathname, search } = useLocation();
  const state = useMemo(() => parse(search), [search]);
  const actions = useMemo((): ProfilesStateActions => {
    const write = (next: ProfilesState, replace: boolean) => {
      const query = serialize(next);
      // A choice that changes nothing (a control committing its value again on blur) adds no history entry,
      // so one Back always undoes one change.
      if (`?${query}` === search) {
        return;
      }
      const url = `${pathname}?${query}`;
      if (replace) {
        locationService.replace(url);
      } else {
        locationService.push(url);
      }
    };
    return {
      update: (patch) => write({ ...state, ...patch }, false),
      updateSide: (side, patch) => write(changeSide(state, side, patch), false),
      fillIn: (patch) => write({ ...state, ...patch }, true),
      fillInSide: (side, patch) => write(changeSide(state, side, patch), true),
    };
  }, [pathname, search, state]);
  return { state, actions };
}
