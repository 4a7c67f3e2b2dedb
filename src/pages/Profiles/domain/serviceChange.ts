import type { ServiceOption } from '../../../datasource/types';
import { defaultProfileType } from './defaultProfileType';
import type { ProfileSelection } from './ProfilesState';

/**
 * The change for picking another service: the profile type stays if the new service has it, else it
 * becomes the new service's default (CPU, else its first).
 */
export function serviceChange(
  service: string,
  profileTypeId: string,
  services: readonly ServiceOption[] | undefined
): Partial<ProfileSelection> {
  const types = services?.find((candidate) => candidate.name === service)?.profileTypes;
  if (!types || types.length === 0 || types.some((type) => type.id === profileTypeId)) {
    return { service };
  }
  return { service, profileTypeId: defaultProfileType(types) };
}
