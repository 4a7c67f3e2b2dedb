import { buildTrigRecords } from './buildTrigRecords';
import { inChildSpan } from './inChildSpan';
import { readIntParam } from './readIntParam';
import type { Route } from './Route';
import { serializeTrigs } from './serializeTrigs';

/** `GET /v1/trigs?limit=100&offset=0`: a page of trig records (limit 1–5000). */
export const trigsRoute: Route = {
  method: 'GET',
  path: '/v1/trigs',
  handle({ url }, tracer) {
    const limit = readIntParam(url.searchParams.get('limit'), 'limit', 100, 1, 5000);
    const offset = readIntParam(url.searchParams.get('offset'), 'offset', 0, 0, 1_000_000);
    const records = inChildSpan(tracer, 'buildTrigRecords', buildTrigRecords, limit, offset);
    const json = inChildSpan(tracer, 'serializeTrigs', serializeTrigs, records, limit, offset);
    return { status: 200, json };
  },
};
