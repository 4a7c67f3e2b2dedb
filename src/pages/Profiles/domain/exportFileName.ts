import type { TimeRange } from '@grafana/data';

import type { ProfileSelection } from './ProfilesState';

/** `checkout_process_cpu-cpu_20260101T000000Z_20260101T010000Z.json`: what, which profile, when. */
export function exportFileName(side: ProfileSelection, range: TimeRange, extension: string): string {
  const [name = 'profile', sampleType = ''] = side.profileTypeId.split(':');
  const time = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d+/g, '');
  const parts = [side.service || 'all', `${name}-${sampleType}`, time(range.from.valueOf()), time(range.to.valueOf())];
  return `${parts.join('_').replace(/[^\w.-]/g, '_')}.${extension}`;
}
