import type * as grpc from '@grpc/grpc-js';

import type { PluginHandlers } from '../plugin/types';
import { callAbortSignal } from './callAbortSignal';
import { errorMessage } from './errorMessage';
import type { FrameEncoder } from './FrameEncoder';
import { queryDataRequestFromProto } from './fromProto';
import type { Logger } from './hclogLogger';
import { InvalidRequestError } from './InvalidRequestError';
import { sendUnaryReply } from './sendUnaryReply';
import { errorDataResponseToProto, queryDataResponseToProto } from './toProto';
import type { WireQueryDataRequest, WireQueryDataResponse } from './wireTypes';

export type DataService = { QueryData: grpc.handleUnaryCall<WireQueryDataRequest, WireQueryDataResponse> };

export type DataServiceDeps = {
  handlers: Pick<PluginHandlers, 'queryData'>;
  encodeFrame: FrameEncoder;
  logger: Logger;
};

/** pluginv2.Data: every query gets a DataResponse, failures included; the call itself never fails. */
export function createDataService(deps: DataServiceDeps): DataService {
  return {
    QueryData: (call, callback) =>
      sendUnaryReply(callback, answerQueryData(call.request, callAbortSignal(call), deps), deps.logger),
  };
}

async function answerQueryData(
  wire: WireQueryDataRequest,
  signal: AbortSignal,
  { handlers, encodeFrame, logger }: DataServiceDeps
): Promise<WireQueryDataResponse> {
  const refIds = (wire.queries ?? []).map((query) => query.refId ?? '');
  try {
    const response = await handlers.queryData(queryDataRequestFromProto(wire), signal);
    const answer = queryDataResponseToProto(response, encodeFrame);
    for (const refId of refIds) {
      answer.responses[refId] ??= errorDataResponseToProto(`The backend returned no result for query ${refId}`, 500);
    }
    return answer;
  } catch (error) {
    const status = error instanceof InvalidRequestError ? 400 : 500;
    logger.error('QueryData failed', { refIds: refIds.join(','), status, error: errorMessage(error) });
    const responses = Object.fromEntries(
      refIds.map((refId) => [refId, errorDataResponseToProto(errorMessage(error), status)])
    );
    return { responses };
  }
}
