import type { DataSourceInstanceSettings } from '@grafana/data';

import type { ServiceOption } from '../../../datasource/types';
import { defaultProfileType } from './defaultProfileType';
import type { ProfileSelection, ProfilesState } from './ProfilesState';

export type MissingChoices = {
  datasource?: string;
  main?: Partial<ProfileSelection>;
};

/**
 * What the page chooses for the user when the URL leaves it open: the remembered datasource (else the
 * first), the first service with profiles, and its CPU profile type (else its first). Choices the URL makes
 * are kept even when the range has no data for them; the page then says so.
 */
export function missingChoices(
  state: ProfilesState,
  dataSources: readonly DataSourceInstanceSettings[],
  remembered: string | undefined,
  services: readonly ServiceOption[] | undefined
): MissingChoices {
  const known = (uid: string | undefined) => dataSources.some((settings) => settings.uid === uid);
  if (!known(state.datasource)) {
    const datasource = known(remembered) ? remembered : dataSources[0]?.uid;
    return datasource && datasource !== state.datasource ? { datasource } : {};
  }
  if (!services || services.length === 0) {
    return {};
  }
  const main: Partial<ProfileSelection> = {};
  const service = state.main.service || services[0]!.name;
  if (state.main.service === '') {
    main.service = service;
  }
  if (state.main.profileTypeId === '') {
    const types = services.find((candidate) => candidate.name === service)?.profileTypes ?? [];
    const profileTypeId = defaultProfileType(types);
    if (profileTypeId !== '') {
      main.profileTypeId = profileTypeId;
    }
  }
  return Object.keys(main).length > 0 ? { main } : {};
}
