import type { ProfileType } from '../pyroscope/types';

/**
 * Splits `<name>:<sampleType>:<sampleUnit>:<periodType>:<periodUnit>` into its parts. Pyroscope also accepts
 * a legacy sixth part (`:delta`) and ignores it; so do we. Returns undefined for anything else, or when the
 * name or sample type is empty (Pyroscope could not have produced such an ID).
 */
export function parseProfileTypeId(id: string): ProfileType | undefined {
  const parts = id.split(':');
  if (parts.length !== 5 && parts.length !== 6) {
    return undefined;
  }
  const [name = '', sampleType = '', sampleUnit = '', periodType = '', periodUnit = ''] = parts;
  if (name === '' || sampleType === '') {
    return undefined;
  }
  return { id, name, sampleType, sampleUnit, periodType, periodUnit };
}
