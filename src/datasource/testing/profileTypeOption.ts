import type { ProfileTypeOption } from '../types';

/** A profile type option for tests that only look at its id (labelled and named after the id). */
export function profileTypeOption(id: string): ProfileTypeOption {
  return { id, label: id, name: id.split(':')[0]!, sampleType: '', sampleUnit: '', periodType: '', periodUnit: '' };
}
