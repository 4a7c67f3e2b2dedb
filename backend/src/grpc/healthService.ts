import * as grpc from '@grpc/grpc-js';

import { holdOpenUntilStopped } from './holdOpenUntilStopped';
import type { WireHealthCheckRequest, WireHealthCheckResponse, WireServingStatus } from './wireTypes';

export type HealthService = {
  Check: grpc.handleUnaryCall<WireHealthCheckRequest, WireHealthCheckResponse>;
  Watch: grpc.handleServerStreamingCall<WireHealthCheckRequest, WireHealthCheckResponse>;
};

/** go-plugin pings the service named "plugin"; "" is the whole server, by gRPC health convention. */
const SERVED = new Set(['', 'plugin']);

/** grpc.health.v1.Health: SERVING while the process is up. */
export function createHealthService(stopping: AbortSignal): HealthService {
  return {
    Check: (call, callback) => {
      const service = call.request.service ?? '';
      if (SERVED.has(service)) {
        callback(null, { status: 'SERVING' });
      } else {
        callback({ code: grpc.status.NOT_FOUND, details: `unknown service "${service}"` });
      }
    },
    Watch: (call) => {
      call.write({ status: servingStatus(call.request.service ?? '') });
      holdOpenUntilStopped(call, stopping);
    },
  };
}

function servingStatus(service: string): WireServingStatus {
  return SERVED.has(service) ? 'SERVING' : 'SERVICE_UNKNOWN';
}
