import type { LogFields, Logger } from '../grpc/hclogLogger';
import { checkHealth } from '../health/checkHealth';
import type {
  CallResourceRequest,
  CallResourceResponse,
  CheckHealthResult,
  DataResponse,
  PluginContext,
  PluginHandlers,
  QueryDataRequest,
  QueryDataResponse,
} from '../plugin/types';
import { ConnectClient } from '../pyroscope/ConnectClient';
import { queryData } from '../queries/queryData';
import { callResource } from '../resources/callResource';
import { jsonResponse } from '../resources/jsonResponse';
import type { DatasourceSettings } from '../settings/DatasourceSettings';
import { parseSettings } from '../settings/parseSettings';
import { SettingsError } from '../settings/SettingsError';

type Instance = { lastUpdatedMs: number } & (
  { settings: DatasourceSettings; client: ConnectClient } | { error: SettingsError }
);

const NO_DATASOURCE =
  'Grafana sent no datasource settings with this request: the plugin answers only as a datasource ' +
  '(add it under Connections > Data sources and query it from there)';

/**
 * The plugin's three services. Each datasource's parsed settings and client are kept until Grafana sends a
 * newer `lastUpdatedMs` for it; broken settings are kept too, so every call answers with the same fix.
 */
export function createPluginHandlers(logger: Logger): PluginHandlers {
  // Datasource UIDs are unique per organisation only.
  const instances = new Map<string, Instance>();

  function instanceFor(context: PluginContext): Instance | undefined {
    const ds = context.dataSource;
    if (ds === undefined) {
      return undefined;
    }
    const key = `${context.orgId}/${ds.uid}`;
    const cached = instances.get(key);
    if (cached !== undefined && cached.lastUpdatedMs === ds.lastUpdatedMs) {
      return cached;
    }
    let instance: Instance;
    try {
      const settings = parseSettings(ds);
      instance = { lastUpdatedMs: ds.lastUpdatedMs, settings, client: new ConnectClient(settings) };
    } catch (err) {
      if (!(err instanceof SettingsError)) {
        throw err;
      }
      logger.warn('datasource settings are invalid', { uid: ds.uid, setting: err.setting, error: err.message });
      instance = { lastUpdatedMs: ds.lastUpdatedMs, error: err };
    }
    instances.set(key, instance);
    return instance;
  }

  return {
    async queryData(request: QueryDataRequest, signal: AbortSignal): Promise<QueryDataResponse> {
      const started = performance.now();
      let response: QueryDataResponse;
      try {
        const instance = instanceFor(request.context);
        if (instance === undefined) {
          response = everyQuery(request, { frames: [], status: 400, error: NO_DATASOURCE, errorSource: 'plugin' });
        } else if ('error' in instance) {
          // The admin's configuration, not the plugin, is at fault.
          response = everyQuery(request, {
            frames: [],
            status: 400,
            error: instance.error.message,
            errorSource: 'downstream',
          });
        } else {
          response = await queryData(request, instance.client, instance.settings, signal, logger);
        }
      } catch (err) {
        logger.error('queryData failed unexpectedly', { error: errorText(err) });
        response = everyQuery(request, {
          frames: [],
          status: 500,
          error: 'The query failed inside the datasource backend; the Grafana server log has the details',
          errorSource: 'plugin',
        });
      }
      logAfterAnswer(logger, 'queryData', {
        uid: request.context.dataSource?.uid,
        queries: request.queries.length,
        statuses: Object.values(response.responses).map((r) => r.status),
        durationMs: elapsed(started),
      });
      return response;
    },

    async callResource(request: CallResourceRequest, signal: AbortSignal): Promise<CallResourceResponse> {
      const started = performance.now();
      let response: CallResourceResponse;
      try {
        const instance = instanceFor(request.context);
        response =
          instance === undefined
            ? jsonResponse(400, { message: NO_DATASOURCE, kind: 'no_datasource' })
            : await callResource(
                request,
                'error' in instance ? instance.error : { querier: instance.client, settings: instance.settings },
                signal
              );
      } catch (err) {
        logger.error('callResource failed unexpectedly', { path: request.path, error: errorText(err) });
        response = jsonResponse(500, {
          message: 'The resource call failed inside the datasource backend; the Grafana server log has the details',
          kind: 'internal',
        });
      }
      logAfterAnswer(logger, 'callResource', {
        uid: request.context.dataSource?.uid,
        method: request.method,
        path: request.path,
        status: response.status,
        durationMs: elapsed(started),
      });
      return response;
    },

    async checkHealth(request, signal): Promise<CheckHealthResult> {
      const started = performance.now();
      let result: CheckHealthResult;
      try {
        const instance = instanceFor(request.context);
        result =
          instance === undefined
            ? { status: 'ERROR', message: NO_DATASOURCE, details: { kind: 'no_datasource' } }
            : 'error' in instance
              ? await checkHealth(instance.error, undefined, signal)
              : await checkHealth(instance.settings, instance.client, signal);
      } catch (err) {
        logger.error('checkHealth failed unexpectedly', { error: errorText(err) });
        result = {
          status: 'ERROR',
          message: 'The health check failed inside the datasource backend; the Grafana server log has the details',
          details: { kind: 'internal' },
        };
      }
      logAfterAnswer(logger, 'checkHealth', {
        uid: request.context.dataSource?.uid,
        status: result.status,
        kind: result.details?.kind,
        durationMs: elapsed(started),
      });
      return result;
    },
  };
}

function everyQuery(request: QueryDataRequest, response: DataResponse): QueryDataResponse {
  return { responses: Object.fromEntries(request.queries.map((query) => [query.refId, response])) };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/**
 * A call's summary line, written after the answer has gone out (a timer runs in the event loop's next turn,
 * after the socket writes of this one): a write to stderr wakes Grafana's log reader, which would otherwise
 * compete with the answer for the CPU.
 */
function logAfterAnswer(logger: Logger, message: string, fields: LogFields): void {
  setTimeout(() => logger.debug(message, fields), 0);
}
