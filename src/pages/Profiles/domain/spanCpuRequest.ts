import type { EpochRange, SpanCpuRequest } from '../../../datasource/types';
import type { ProfileSelection } from './ProfilesState';
import { sideSelector } from './sideSelector';
import type { TracedSpan } from './tracedSpans';

/** The span-cpu request for the spans found in Tempo: the side's profile type and selector over the range. */
export function spanCpuRequest(
  side: Pick<ProfileSelection, 'service' | 'filters' | 'profileTypeId'>,
  range: EpochRange,
  spans: readonly TracedSpan[]
): SpanCpuRequest {
  return {
    profileTypeId: side.profileTypeId,
    labelSelector: sideSelector(side),
    from: Math.floor(range.fromMs),
    to: Math.ceil(range.toMs),
    spanIds: spans.map(({ spanId }) => spanId),
  };
}
