import type { CancellableCall } from './callAbortSignal';

/**
 * Keeps a long-lived stub stream (stdio, broker, health watch) open until the client cancels it or the
 * server stops; ending it on stop lets the graceful shutdown finish instead of waiting for the client.
 */
export function holdOpenUntilStopped(call: CancellableCall & { end(): void }, stopping: AbortSignal): void {
  const end = () => call.end();
  if (stopping.aborted) {
    end();
    return;
  }
  stopping.addEventListener('abort', end, { once: true });
  call.once('cancelled', () => stopping.removeEventListener('abort', end));
}
