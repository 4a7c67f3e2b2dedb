import type {
  CallResourceRequest,
  CheckHealthRequest,
  DataQuery,
  DataSourceInstance,
  PluginContext,
  QueryDataRequest,
} from '../plugin/types';
import { InvalidRequestError } from './InvalidRequestError';
import type {
  WireCallResourceRequest,
  WireCheckHealthRequest,
  WireDataQuery,
  WireDataSourceInstanceSettings,
  WirePluginContext,
  WireQueryDataRequest,
  WireStringList,
} from './wireTypes';

// Wire → plain. Anything Grafana sent that cannot be read throws InvalidRequestError, which the services
// turn into an error answer for that call.

export function queryDataRequestFromProto(wire: WireQueryDataRequest): QueryDataRequest {
  return {
    context: pluginContextFromProto(wire.pluginContext),
    headers: { ...wire.headers },
    queries: (wire.queries ?? []).map(dataQueryFromProto),
  };
}

export function callResourceRequestFromProto(wire: WireCallResourceRequest): CallResourceRequest {
  return {
    context: pluginContextFromProto(wire.pluginContext),
    path: (wire.path ?? '').replace(/^\/+/, ''),
    method: wire.method ?? '',
    url: wire.url ?? '',
    headers: headersFromProto(wire.headers),
    body: wire.body ?? Buffer.alloc(0),
  };
}

export function checkHealthRequestFromProto(wire: WireCheckHealthRequest): CheckHealthRequest {
  return { context: pluginContextFromProto(wire.pluginContext), headers: { ...wire.headers } };
}

export function pluginContextFromProto(wire: WirePluginContext | null | undefined): PluginContext {
  const context: PluginContext = {
    orgId: wire?.orgId ?? 0,
    pluginId: wire?.pluginId ?? '',
    grafanaConfig: { ...wire?.grafanaConfig },
  };
  if (wire?.dataSourceInstanceSettings) {
    context.dataSource = dataSourceFromProto(wire.dataSourceInstanceSettings);
  }
  if (wire?.user?.login) {
    context.userLogin = wire.user.login;
  }
  return context;
}

function dataSourceFromProto(wire: WireDataSourceInstanceSettings): DataSourceInstance {
  return {
    uid: wire.uid ?? '',
    name: wire.name ?? '',
    url: wire.url ?? '',
    jsonData: parseJsonObject(
      wire.jsonData,
      "The datasource's settings (jsonData) are not a JSON object",
      "open the datasource's settings page and save it again"
    ),
    secureJsonData: { ...wire.decryptedSecureJsonData },
    basicAuthEnabled: wire.basicAuthEnabled ?? false,
    basicAuthUser: wire.basicAuthUser ?? '',
    lastUpdatedMs: wire.lastUpdatedMS ?? 0,
  };
}

function dataQueryFromProto(wire: WireDataQuery): DataQuery {
  const refId = wire.refId ?? '';
  return {
    refId,
    queryType: wire.queryType ?? '',
    maxDataPoints: wire.maxDataPoints ?? 0,
    intervalMs: wire.intervalMS ?? 0,
    timeRange: { fromMs: wire.timeRange?.fromEpochMS ?? 0, toMs: wire.timeRange?.toEpochMS ?? 0 },
    json: parseJsonObject(wire.json, `Query ${refId} is not a JSON object`, 'send the query as a JSON object'),
  };
}

function headersFromProto(wire: Record<string, WireStringList> | undefined): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(wire ?? {})) {
    headers[name] = [...(list.values ?? [])];
  }
  return headers;
}

/** Empty bytes and JSON null stand for "nothing set", as Grafana sends them for new datasources. */
function parseJsonObject(bytes: Buffer | undefined, problem: string, fix: string): Record<string, unknown> {
  if (!bytes || bytes.length === 0) {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new InvalidRequestError(`${problem}: ${(error as Error).message}; ${fix}`);
  }
  if (value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidRequestError(`${problem}: found ${Array.isArray(value) ? 'an array' : typeof value}; ${fix}`);
  }
  return value as Record<string, unknown>;
}
