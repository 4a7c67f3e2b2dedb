import type * as grpc from '@grpc/grpc-js';

import { holdOpenUntilStopped } from './holdOpenUntilStopped';

export type BrokerService = { StartStream: grpc.handleBidiStreamingCall<unknown, never> };

/**
 * plugin.GRPCBroker: go-plugin opens it for brokered connections, which Grafana never uses. The stub reads
 * and drops what arrives and closes when the client does.
 */
export function createBrokerService(stopping: AbortSignal): BrokerService {
  return {
    StartStream: (call) => {
      call.on('data', () => undefined);
      call.once('end', () => call.end());
      holdOpenUntilStopped(call, stopping);
    },
  };
}
