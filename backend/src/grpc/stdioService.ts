import type * as grpc from '@grpc/grpc-js';

import { holdOpenUntilStopped } from './holdOpenUntilStopped';
import type { WireEmpty } from './wireTypes';

export type StdioService = { StreamStdio: grpc.handleServerStreamingCall<WireEmpty, never> };

/**
 * plugin.GRPCStdio: go-plugin opens this stream to mirror the plugin's output. Our logs already reach
 * Grafana through stderr, so the stream stays silent until the client cancels it or the server stops.
 */
export function createStdioService(stopping: AbortSignal): StdioService {
  return { StreamStdio: (call) => holdOpenUntilStopped(call, stopping) };
}
