import { getBackendSrv } from '@grafana/runtime';

import { errorMessage } from '../../../shared/errorMessage';
import type { TempoSearchParams } from '../domain/tracedSpansSearch';

/**
 * Tempo's search API through Grafana's datasource proxy (as Grafana's own Tempo datasource calls it); the raw
 * answer. A failure says that Tempo, not Pyroscope, did not answer.
 */
export async function searchTempo(datasourceUid: string, params: TempoSearchParams): Promise<unknown> {
  try {
    return await getBackendSrv().get(
      `/api/datasources/proxy/uid/${encodeURIComponent(datasourceUid)}/api/search`,
      params,
      undefined,
      { showErrorAlert: false }
    );
  } catch (err) {
    throw new Error(`Tempo (data source ${datasourceUid}) did not answer: ${errorMessage(err)}`);
  }
}
