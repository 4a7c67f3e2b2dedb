import type { ProfileQuery } from '../../../datasource/types';
import type { ProfileSelection } from './ProfilesState';
import { sideSelector } from './sideSelector';

/** The sample label our agent (and Pyroscope's SDKs) put the local root span's name in. */
export const SPAN_NAME_LABEL = 'span_name';

/**
 * The service's profile metric per root span name. Pyroscope keeps `span_name` as a series label (only
 * `span_id` stays per sample, so span ids cannot be listed), and root span names are few: no limit, so
 * the shares are of the whole service.
 */
export function topSpansQuery(side: Pick<ProfileSelection, 'service' | 'filters' | 'profileTypeId'>): ProfileQuery {
  return {
    refId: 'top-spans',
    queryType: 'metrics',
    profileTypeId: side.profileTypeId,
    labelSelector: sideSelector(side),
    groupBy: [SPAN_NAME_LABEL],
  };
}
