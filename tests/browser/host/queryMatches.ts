import { isDeepStrictEqual } from 'node:util';

import { shiftComparison } from './shiftComparison';

/** The query model's fields (backend/src/queries/QUERY_MODEL.md); the rest (refId, datasource, …) is Grafana's. */
const MODEL_FIELDS = [
  'queryType',
  'profileTypeId',
  'labelSelector',
  'groupBy',
  'limit',
  'maxNodes',
  'spanSelector',
  'baseline',
  'comparison',
];

/**
 * Whether a request's query asks the same as a recorded one: equal model fields, where an absent field and
 * its default (an empty list, maxNodes 16384) are the same. A diff's comparison range is absolute, so the
 * recorded one counts at the same place relative to the request's range: moved by `shiftMs`, the distance
 * from the recording's end to the request's.
 */
export function queryMatches(
  recorded: Record<string, unknown>,
  requested: Record<string, unknown>,
  shiftMs = 0
): boolean {
  return isDeepStrictEqual(modelOf(shiftComparison(recorded, shiftMs)), modelOf(requested));
}

function modelOf(query: Record<string, unknown>): Record<string, unknown> {
  const model: Record<string, unknown> = {};
  for (const field of MODEL_FIELDS) {
    const value = query[field];
    const isDefault =
      value === undefined ||
      (Array.isArray(value) && value.length === 0) ||
      (field === 'maxNodes' && value === 16384) ||
      (field === 'queryType' && value === 'both');
    if (!isDefault) {
      model[field] = value;
    }
  }
  return model;
}
