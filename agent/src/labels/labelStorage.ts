import { AsyncLocalStorage } from 'node:async_hooks';
import type { LabelContext } from './LabelContext';

/** The label context of the running code; follows `await`, timers and callbacks. */
export const labelStorage = new AsyncLocalStorage<LabelContext>();

/** The enclosing context, unless its block or span is already over. */
export function currentLabelContext(): LabelContext | undefined {
  const context = labelStorage.getStore();
  return context !== undefined && !context.closed ? context : undefined;
}
