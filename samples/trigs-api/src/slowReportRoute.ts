import { findDuplicateIdsSlowly } from './findDuplicateIdsSlowly';
import { inChildSpan } from './inChildSpan';
import { loadReportIds } from './loadReportIds';
import { readIntParam } from './readIntParam';
import type { Route } from './Route';

/** `GET /v1/reports/slow?n=20000`: the duplicate-order report, slow on purpose (quadratic in `n`, 10–50000). */
export const slowReportRoute: Route = {
  method: 'GET',
  path: '/v1/reports/slow',
  handle({ url }, tracer) {
    const count = readIntParam(url.searchParams.get('n'), 'n', 20000, 10, 50000);
    const ids = inChildSpan(tracer, 'loadReportIds', loadReportIds, count, 50);
    const duplicates = inChildSpan(tracer, 'findDuplicateIdsSlowly', findDuplicateIdsSlowly, ids);
    return {
      status: 200,
      body: { checked: ids.length, duplicateCount: duplicates.length, duplicates: duplicates.slice(0, 20) },
    };
  },
};
