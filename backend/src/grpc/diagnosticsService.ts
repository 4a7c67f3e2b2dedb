import type * as grpc from '@grpc/grpc-js';

import type { PluginHandlers } from '../plugin/types';
import { callAbortSignal } from './callAbortSignal';
import { errorMessage } from './errorMessage';
import { checkHealthRequestFromProto } from './fromProto';
import type { Logger } from './hclogLogger';
import { processMetricsText } from './processMetricsText';
import { sendUnaryReply } from './sendUnaryReply';
import { checkHealthResultToProto, errorCheckHealthResponseToProto } from './toProto';
import type { WireCheckHealthRequest, WireCheckHealthResponse, WireCollectMetricsResponse } from './wireTypes';

export type DiagnosticsService = {
  CheckHealth: grpc.handleUnaryCall<WireCheckHealthRequest, WireCheckHealthResponse>;
  CollectMetrics: grpc.handleUnaryCall<unknown, WireCollectMetricsResponse>;
};

export type DiagnosticsServiceDeps = { handlers: Pick<PluginHandlers, 'checkHealth'>; logger: Logger };

/** pluginv2.Diagnostics: a failing health check is an ERROR result with the reason, never a failed call. */
export function createDiagnosticsService(deps: DiagnosticsServiceDeps): DiagnosticsService {
  return {
    CheckHealth: (call, callback) =>
      sendUnaryReply(callback, answerCheckHealth(call.request, callAbortSignal(call), deps), deps.logger),
    CollectMetrics: (_call, callback) => callback(null, { metrics: { prometheus: Buffer.from(processMetricsText()) } }),
  };
}

async function answerCheckHealth(
  wire: WireCheckHealthRequest,
  signal: AbortSignal,
  { handlers, logger }: DiagnosticsServiceDeps
): Promise<WireCheckHealthResponse> {
  try {
    return checkHealthResultToProto(await handlers.checkHealth(checkHealthRequestFromProto(wire), signal));
  } catch (error) {
    logger.error('CheckHealth failed', { error: errorMessage(error) });
    return errorCheckHealthResponseToProto(errorMessage(error));
  }
}
