import { getBackendSrv } from '@grafana/runtime';

import type { DashboardSave } from '../domain/buildDashboard';

/** Saves a new dashboard with Grafana's HTTP API; answers the dashboard's URL. */
export async function createDashboard(save: DashboardSave): Promise<string> {
  const answer = await getBackendSrv().post<{ url: string }>('/api/dashboards/db', save);
  return answer.url;
}
