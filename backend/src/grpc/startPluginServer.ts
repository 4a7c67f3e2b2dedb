import * as grpc from '@grpc/grpc-js';
import { createServer, type AddressInfo } from 'node:net';

import type { PluginHandlers } from '../plugin/types';
import { createBrokerService } from './brokerService';
import { createControllerService } from './controllerService';
import { createDataService } from './dataService';
import { createDiagnosticsService } from './diagnosticsService';
import type { FrameEncoder } from './FrameEncoder';
import type { Logger } from './hclogLogger';
import { createHealthService } from './healthService';
import type { PluginProtos } from './loadPluginProtos';
import { createResourceService } from './resourceService';
import { createStdioService } from './stdioService';

export type PluginServerOptions = {
  protos: PluginProtos;
  handlers: PluginHandlers;
  encodeFrame: FrameEncoder;
  logger: Logger;
  /** Grafana asked the plugin to stop (plugin.GRPCController/Shutdown). */
  onShutdownRequested: () => void;
};

export type PluginServer = {
  /** The loopback TCP port the OS picked. */
  port: number;
  /** Ends the stub streams, lets running calls finish, and forces the rest after a grace period. */
  stop(): Promise<void>;
};

/** Same limit as the Go SDK's server; grpc-js's default of 4 MiB would reject big resource bodies. */
const MAX_RECEIVE_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Grafana kills the process 2 s after asking it to stop; finish before that. */
const STOP_GRACE_MS = 1500;

/** Starts the plaintext gRPC server on 127.0.0.1 (never all interfaces) on a port the OS picks. */
export async function startPluginServer(options: PluginServerOptions): Promise<PluginServer> {
  const { protos, handlers, encodeFrame, logger } = options;
  const stopping = new AbortController();
  const server = new grpc.Server({ 'grpc.max_receive_message_length': MAX_RECEIVE_MESSAGE_BYTES });
  server.addService(protos.Data.service, createDataService({ handlers, encodeFrame, logger }));
  server.addService(protos.Resource.service, createResourceService({ handlers, logger }));
  server.addService(protos.Diagnostics.service, createDiagnosticsService({ handlers, logger }));
  server.addService(protos.Health.service, createHealthService(stopping.signal));
  server.addService(protos.GRPCController.service, createControllerService(options.onShutdownRequested));
  server.addService(protos.GRPCStdio.service, createStdioService(stopping.signal));
  server.addService(protos.GRPCBroker.service, createBrokerService(stopping.signal));

  // grpc-js leaves Nagle's algorithm on for the sockets it accepts, so the tail of every answer could wait
  // for Grafana's delayed ACK; accepting the connection ourselves lets us turn it off.
  const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const listener = createServer({ noDelay: true }, (socket) => injector.injectConnection(socket));
  const port = await new Promise<number>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(0, '127.0.0.1', () => resolve((listener.address() as AddressInfo).port));
  });

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve) => {
      stopping.abort();
      listener.close();
      const force = setTimeout(() => {
        logger.warn('calls still running at shutdown were cancelled');
        server.forceShutdown();
        resolve();
      }, STOP_GRACE_MS);
      server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
    return stopped;
  };
  return { port, stop };
}
