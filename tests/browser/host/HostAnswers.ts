import type { DsQueryBody } from '../../support/grafanaClient';

/** One query of Grafana's POST /api/ds/query body, as the datasource's query() sends it. */
export type RequestedQuery = Record<string, unknown> & { refId: string };

export type ResourceAnswer = { status: number; body: unknown };

/** Where the host's server gets Grafana's answers from: recorded fixtures, or live through Grafana's client. */
export interface HostAnswers {
  query(queries: RequestedQuery[], fromMs: number, toMs: number): Promise<DsQueryBody>;
  /** `path` is what follows /resources/, with its query string; `body` the JSON body of a POST. */
  resource(path: string, body?: unknown): Promise<ResourceAnswer>;
  /** Grafana's datasource proxy to another datasource (Tempo): `path` follows /proxy/uid/<uid>/. */
  datasourceProxy(uid: string, path: string): Promise<ResourceAnswer>;
  health(): Promise<ResourceAnswer>;
}
