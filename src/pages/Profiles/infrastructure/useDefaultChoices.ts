import type { DataSourceInstanceSettings } from '@grafana/data';
import { useEffect } from 'react';

import type { ServiceOption } from '../../../datasource/types';
import { missingChoices } from '../domain/missingChoices';
import type { ProfilesState } from '../domain/ProfilesState';
import type { ProfilesStateActions } from '../domain/useProfilesState';
import { rememberedDataSource } from './rememberedDataSource';

/**
 * Fills in what the URL leaves open (replacing the history entry, one choice at a time as the data for the
 * next arrives) and remembers the datasource in use for the next visit.
 */
export function useDefaultChoices(
  state: ProfilesState,
  actions: ProfilesStateActions,
  dataSources: DataSourceInstanceSettings[],
  loadedDataSource: string | undefined,
  services: ServiceOption[] | undefined
): void {
  useEffect(() => {
    const missing = missingChoices(state, dataSources, rememberedDataSource.get(), services);
    if (missing.datasource) {
      actions.fillIn({ datasource: missing.datasource });
    } else if (missing.main) {
      actions.fillInSide('main', missing.main);
    }
  }, [state, actions, dataSources, services]);
  useEffect(() => {
    if (loadedDataSource) {
      rememberedDataSource.set(loadedDataSource);
    }
  }, [loadedDataSource]);
}
