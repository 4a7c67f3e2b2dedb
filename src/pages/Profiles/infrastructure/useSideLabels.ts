import type { TimeRange } from '@grafana/data';
import { useMemo } from 'react';

import type { LabelSource } from '../../../datasource/components/LabelSelectorEditor/LabelSource';
import type { ProfilesDataSource } from '../../../datasource/ProfilesDataSource';
import { sideSelector } from '../domain/sideSelector';

/**
 * Completions for a side's filters: labels of the chosen service's series over the side's range. The
 * service has its own picker, so `service_name` is not offered as a filter.
 */
export function useSideLabels(
  datasource: ProfilesDataSource | undefined,
  service: string,
  range: TimeRange
): LabelSource {
  return useMemo(
    () => ({
      labelNames: async (filters) =>
        datasource
          ? (await datasource.getLabelNames(sideSelector({ service, filters }), range)).filter(
              (name) => name !== 'service_name'
            )
          : [],
      labelValues: async (name, filters) =>
        datasource ? datasource.getLabelValues(name, sideSelector({ service, filters }), range) : [],
    }),
    [datasource, service, range]
  );
}
