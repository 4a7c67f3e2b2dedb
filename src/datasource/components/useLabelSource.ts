import { type TimeRange } from '@grafana/data';
import { useMemo } from 'react';

import type { ProfilesDataSource } from '../ProfilesDataSource';
import type { LabelSource } from './LabelSelectorEditor/LabelSource';

/** Label completions from the datasource over the editor's time range. */
export function useLabelSource(datasource: ProfilesDataSource, range: TimeRange | undefined): LabelSource {
  return useMemo(
    () => ({
      labelNames: (selector) => datasource.getLabelNames(selector, range),
      labelValues: (name, selector) => datasource.getLabelValues(name, selector, range),
    }),
    [datasource, range]
  );
}
