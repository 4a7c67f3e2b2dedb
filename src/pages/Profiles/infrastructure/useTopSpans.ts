import type { TimeRange } from '@grafana/data';
import { useMemo } from 'react';

import type { ProfilesDataSource } from '../../../datasource/ProfilesDataSource';
import { type AsyncState, useAsync } from '../../../shared/useAsync';
import type { ProfileSelection } from '../domain/ProfilesState';
import { sideSelector } from '../domain/sideSelector';
import { type TopSpan, topSpans } from '../domain/topSpans';
import { SPAN_NAME_LABEL, topSpansQuery } from '../domain/topSpansQuery';
import { runQuery } from './runQuery';

/**
 * The root spans that used most of a service's profile metric over `range`; an empty list for services
 * that send no span labels. Idle until a service and profile type are chosen.
 */
export function useTopSpans(
  datasource: ProfilesDataSource | undefined,
  side: ProfileSelection,
  range: TimeRange
): AsyncState<TopSpan[]> {
  const { service, filters, profileTypeId } = side;
  const load = useMemo(() => {
    if (!datasource || service === '' || profileTypeId === '') {
      return undefined;
    }
    return async () => {
      const labelled = await datasource.getLabelNames(sideSelector({ service, filters }), range).then(
        (names) => names.includes(SPAN_NAME_LABEL),
        // Only a hint whether to ask: without label names the list is left out, the page works on.
        () => false
      );
      if (!labelled) {
        return [];
      }
      return topSpans(await runQuery(datasource, { query: topSpansQuery({ service, filters, profileTypeId }), range }));
    };
  }, [datasource, service, filters, profileTypeId, range]);
  return useAsync(load);
}
