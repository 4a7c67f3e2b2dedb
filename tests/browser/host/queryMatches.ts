import { isDeepStrictEqual } from 'node:util';

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
 * its default (an empty list, maxNodes 16384) are the same.
 */
export function queryMatches(recorded: Record<string, unknown>, requested: Record<string, unknown>): boolean {
  return isDeepStrictEqual(modelOf(recorded), modelOf(requested));
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
