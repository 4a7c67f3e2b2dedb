import type { EventEmitter } from 'events';

export type CancellableCall = { cancelled: boolean } & Pick<EventEmitter, 'once'>;

/** A signal that aborts when Grafana cancels the gRPC call (browser gone, deadline passed, server stopping). */
export function callAbortSignal(call: CancellableCall): AbortSignal {
  const controller = new AbortController();
  const abort = () => controller.abort(new Error('Grafana cancelled the request'));
  if (call.cancelled) {
    abort();
  } else {
    call.once('cancelled', abort);
  }
  return controller.signal;
}
