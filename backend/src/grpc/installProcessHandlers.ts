import { errorMessage } from './errorMessage';
import type { Logger } from './hclogLogger';

/** Process-wide behaviour of a go-plugin server: failures are logged, Ctrl-C is left to the host. */
export function installProcessHandlers(logger: Logger): void {
  process.on('uncaughtException', (error) => {
    // State after an uncaught exception is unknown; Grafana starts a fresh process within a second.
    logger.error('uncaught exception, the backend exits', { error: errorMessage(error), stack: error.stack ?? '' });
    process.exit.call(process, 1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled promise rejection', {
      error: errorMessage(reason),
      stack: reason instanceof Error ? (reason.stack ?? '') : '',
    });
  });
  // A Ctrl-C in Grafana's terminal reaches the whole process group; Grafana stops plugins itself.
  process.on('SIGINT', () => logger.debug('ignoring SIGINT, Grafana stops the plugin through GRPCController'));
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // Our pipes to Grafana are closed: Grafana is gone and nobody can reach this process any more.
      if (error.code === 'EPIPE') {
        process.exit.call(process, 0);
      }
    });
  }
}
