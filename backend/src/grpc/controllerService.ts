import type * as grpc from '@grpc/grpc-js';

import type { WireEmpty } from './wireTypes';

export type ControllerService = { Shutdown: grpc.handleUnaryCall<WireEmpty, WireEmpty> };

/**
 * plugin.GRPCController: Grafana's way to stop the plugin. It waits 2 s for the process to exit before
 * SIGKILL, so `onShutdown` runs right after the answer is on its way.
 */
export function createControllerService(onShutdown: () => void): ControllerService {
  return {
    Shutdown: (_call, callback) => {
      callback(null, {});
      setImmediate(onShutdown);
    },
  };
}
