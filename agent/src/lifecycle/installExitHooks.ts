import type { Logger } from '../log/Logger';

/**
 * Flushes once on SIGTERM and on a normal exit (`beforeExit`). On SIGTERM the app's own listeners run as
 * usual; if there are none, the signal is raised again after the flush so the process ends as it would have
 * without the agent (killed by SIGTERM, exit status 143). Returns a function that removes the hooks.
 */
export function installExitHooks(flush: () => Promise<void>, log: Logger): () => void {
  const onBeforeExit = (): void => {
    remove();
    void flush();
  };
  const onSigterm = (): void => {
    remove();
    const appListeners = process.listenerCount('SIGTERM');
    log.debug('SIGTERM: uploading the last profile');
    void flush().finally(() => {
      if (appListeners === 0 && process.listenerCount('SIGTERM') === 0) {
        process.kill(process.pid, 'SIGTERM');
      }
    });
  };
  const remove = (): void => {
    process.removeListener('beforeExit', onBeforeExit);
    process.removeListener('SIGTERM', onSigterm);
  };
  process.on('beforeExit', onBeforeExit);
  process.on('SIGTERM', onSigterm);
  return remove;
}
