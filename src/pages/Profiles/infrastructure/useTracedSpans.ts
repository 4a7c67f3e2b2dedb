import type { TimeRange } from '@grafana/data';
import { useMemo } from 'react';

import type { ProfilesDataSource } from '../../../datasource/ProfilesDataSource';
import { type AsyncState, useAsync } from '../../../shared/useAsync';
import type { ProfileSelection } from '../domain/ProfilesState';
import { spanCpuRequest } from '../domain/spanCpuRequest';
import { tracedSpans } from '../domain/tracedSpans';
import { tracedSpansSearch } from '../domain/tracedSpansSearch';
import { topTracedSpans, type TracedSpanCpu } from '../domain/topTracedSpans';
import { searchTempo } from './searchTempo';

/** How many traced requests Tempo found, the ones with the most samples, and the samples' unit. */
export type TracedSpans = { found: number; top: TracedSpanCpu[]; unit: string };

/**
 * The service's traced requests in `range` with the most samples: their spans from Tempo, then each span's
 * total from the `span-cpu` resource. Idle without a Tempo datasource, or until the service is known to
 * label samples with spans (`labelled`).
 */
export function useTracedSpans(
  datasource: ProfilesDataSource | undefined,
  tempoDatasource: string | undefined,
  side: ProfileSelection,
  range: TimeRange,
  labelled: boolean
): AsyncState<TracedSpans> {
  const { service, filters, profileTypeId } = side;
  const load = useMemo(() => {
    if (!datasource || !tempoDatasource || !labelled || service === '' || profileTypeId === '') {
      return undefined;
    }
    return async (): Promise<TracedSpans> => {
      const window = { fromMs: range.from.valueOf(), toMs: range.to.valueOf() };
      const spans = tracedSpans(await searchTempo(tempoDatasource, tracedSpansSearch(service, window)));
      if (spans.length === 0) {
        return { found: 0, top: [], unit: '' };
      }
      const answer = await datasource.getSpanCpu(spanCpuRequest({ service, filters, profileTypeId }, window, spans));
      return { found: spans.length, top: topTracedSpans(spans, answer), unit: answer.unit };
    };
  }, [datasource, tempoDatasource, labelled, service, filters, profileTypeId, range]);
  return useAsync(load);
}
