import type { ProfileTypeOption } from '../../../datasource/types';

// What most people open first: CPU time, then wall time.
const PREFERRED = [/^process_cpu:cpu:/, /^wall:/, /:cpu:/];

/** The profile type to show when none is chosen: CPU if the service has it, else its first. */
export function defaultProfileType(types: readonly ProfileTypeOption[]): string {
  for (const pattern of PREFERRED) {
    const found = types.find((type) => pattern.test(type.id));
    if (found) {
      return found.id;
    }
  }
  return types[0]?.id ?? '';
}
