import type * as grpc from '@grpc/grpc-js';

import type { PluginHandlers } from '../plugin/types';
import { callAbortSignal } from './callAbortSignal';
import { errorMessage } from './errorMessage';
import { callResourceRequestFromProto } from './fromProto';
import type { Logger } from './hclogLogger';
import { InvalidRequestError } from './InvalidRequestError';
import { callResourceResponseToProto, errorCallResourceResponseToProto } from './toProto';
import type { WireCallResourceRequest, WireCallResourceResponse } from './wireTypes';

export type ResourceService = {
  CallResource: grpc.handleServerStreamingCall<WireCallResourceRequest, WireCallResourceResponse>;
};

export type ResourceServiceDeps = { handlers: Pick<PluginHandlers, 'callResource'>; logger: Logger };

/**
 * pluginv2.Resource: exactly one message with a real HTTP status per call (Grafana answers 500 to an
 * empty stream or a status of 0); failures become a JSON `{"message": ...}` body.
 */
export function createResourceService(deps: ResourceServiceDeps): ResourceService {
  return {
    CallResource: (call) => {
      answerCallResource(call.request, callAbortSignal(call), deps)
        .then((answer) => {
          if (!call.cancelled) {
            call.write(answer);
            call.end();
          }
        })
        .catch((error: unknown) =>
          deps.logger.error('could not send a resource answer', { error: errorMessage(error) })
        );
    },
  };
}

async function answerCallResource(
  wire: WireCallResourceRequest,
  signal: AbortSignal,
  { handlers, logger }: ResourceServiceDeps
): Promise<WireCallResourceResponse> {
  try {
    return callResourceResponseToProto(await handlers.callResource(callResourceRequestFromProto(wire), signal));
  } catch (error) {
    const status = error instanceof InvalidRequestError ? 400 : 500;
    logger.error('CallResource failed', { path: wire.path ?? '', status, error: errorMessage(error) });
    return errorCallResourceResponseToProto(errorMessage(error), status);
  }
}
