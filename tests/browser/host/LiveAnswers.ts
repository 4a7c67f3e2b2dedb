import {
  type DsQueryBody,
  grafanaClient,
  type GrafanaSettings,
  queryThroughGrafana,
} from '../../support/grafanaClient';
import { type HostAnswers, type RequestedQuery, type ResourceAnswer } from './HostAnswers';

/** Answers through Grafana's client (the Go harness starting dist/'s backend) against a real Pyroscope. */
export class LiveAnswers implements HostAnswers {
  constructor(private readonly settings: GrafanaSettings) {}

  async query(queries: RequestedQuery[], fromMs: number, toMs: number): Promise<DsQueryBody> {
    const bodies = await Promise.all(queries.map((query) => queryThroughGrafana(this.settings, query, fromMs, toMs)));
    return { results: Object.assign({}, ...bodies.map((body) => body.results)) };
  }

  async resource(path: string, body?: unknown): Promise<ResourceAnswer> {
    const post = body === undefined ? [] : ['--method', 'POST', '--body', JSON.stringify(body)];
    const result = await grafanaClient<ResourceAnswer>('resource', this.settings, ['--path', path, ...post]);
    return result.json ?? failed('resource', result.stderr);
  }

  /** Only Pyroscope runs behind a live host: other datasources answer as an unreachable one does in Grafana. */
  async datasourceProxy(uid: string): Promise<ResourceAnswer> {
    return { status: 502, body: { message: `data source ${uid} is not reachable from the browser host` } };
  }

  /** Grafana answers a failed check with 400 and the same body. */
  async health(): Promise<ResourceAnswer> {
    const result = await grafanaClient<{ status?: string }>('health', this.settings);
    return result.json
      ? { status: result.json.status === 'OK' ? 200 : 400, body: result.json }
      : failed('health', result.stderr);
  }
}

function failed(command: string, stderr: string): ResourceAnswer {
  return { status: 502, body: { message: `grafana-client ${command} failed: ${stderr.trim()}` } };
}
