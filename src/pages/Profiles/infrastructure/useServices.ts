import type { TimeRange } from '@grafana/data';
import { useMemo } from 'react';

import type { ProfilesDataSource } from '../../../datasource/ProfilesDataSource';
import type { ServiceOption } from '../../../datasource/types';
import { type AsyncState, useAsync } from '../../../shared/useAsync';

/** Services with profiles in the range and their profile types (resource `services`). */
export function useServices(datasource: ProfilesDataSource | undefined, range: TimeRange): AsyncState<ServiceOption[]> {
  return useAsync(useMemo(() => (datasource ? () => datasource.getServices(range) : undefined), [datasource, range]));
}
