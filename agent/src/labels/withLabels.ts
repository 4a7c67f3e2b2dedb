import { activeSink } from './activeSink';
import { LabelContext } from './LabelContext';
import { currentLabelContext, labelStorage } from './labelStorage';

const KEY = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * Runs `fn` with dynamic labels on the CPU samples it causes, including code after `await` inside it.
 * Labels merge with (and override) those of enclosing blocks and spans. Every distinct value becomes its own
 * series in Pyroscope: use few values (a route template, a tenant tier), never ids or raw URLs.
 * Invalid labels are ignored; `fn` always runs, and its result or error is passed through unchanged.
 */
export function withLabels<T>(labels: Record<string, string | number>, fn: () => T): T {
  const sink = activeSink();
  if (sink === undefined) {
    return fn();
  }
  let context;
  try {
    const valid: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(labels ?? {})) {
      if (KEY.test(key) && !key.startsWith('__') && (typeof value === 'string' || typeof value === 'number')) {
        valid[key] = value;
      }
    }
    const parent = currentLabelContext();
    context = new LabelContext(parent, undefined, valid);
    sink.open(context);
  } catch {
    return fn();
  }
  const opened = context;
  return labelStorage.run(opened, () => {
    sink.activate(opened);
    let result: T;
    try {
      result = fn();
    } catch (error) {
      sink.close(opened);
      throw error;
    }
    if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
      (result as unknown as PromiseLike<unknown>).then(
        () => sink.close(opened),
        () => sink.close(opened)
      );
    } else {
      sink.close(opened);
    }
    return result;
  });
}
