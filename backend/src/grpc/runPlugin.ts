import type { PluginHandlers } from '../plugin/types';
import { errorMessage } from './errorMessage';
import type { FrameEncoder } from './FrameEncoder';
import { guardStdout } from './guardStdout';
import { handshakeLine } from './handshakeLine';
import type { Logger } from './hclogLogger';
import { installProcessHandlers } from './installProcessHandlers';
import { loadPluginProtos } from './loadPluginProtos';
import { type PluginServer, startPluginServer } from './startPluginServer';

export type RunPluginOptions = {
  logger: Logger;
  /** The .proto sources (embedded by the bundler, or read from disk). */
  protoTexts: readonly string[];
  encodeFrame: FrameEncoder;
  /** Called once, after stdout is guarded, so nothing the handlers print at start-up breaks the handshake. */
  createHandlers: (logger: Logger) => PluginHandlers;
};

/**
 * The life of the backend process as go-plugin expects it: serve, print the handshake line, stop on
 * GRPCController.Shutdown or SIGTERM, and exit non-zero (with the reason on stderr) if it cannot start.
 */
export async function runPlugin({ logger, protoTexts, encodeFrame, createHandlers }: RunPluginOptions): Promise<void> {
  const writeHandshake = guardStdout(logger);
  installProcessHandlers(logger);
  if (process.env.grafana_plugin_type === undefined) {
    logger.warn('grafana_plugin_type is not set: this backend is meant to be started by Grafana, not by hand');
  }

  let server: PluginServer | undefined;
  const shutDown = (reason: string): void => {
    logger.info('the backend stops', { reason });
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit.call(process, 0));
  };
  process.once('SIGTERM', () => shutDown('SIGTERM'));

  try {
    server = await startPluginServer({
      protos: loadPluginProtos(protoTexts),
      handlers: createHandlers(logger),
      encodeFrame,
      logger,
      onShutdownRequested: () => shutDown('Grafana asked the plugin to shut down'),
    });
  } catch (error) {
    logger.error('the backend could not start', { error: errorMessage(error) });
    process.exit.call(process, 1);
    return;
  }
  writeHandshake(handshakeLine(server.port));
  logger.info('the backend serves', { address: `127.0.0.1:${server.port}`, pid: process.pid });
}
