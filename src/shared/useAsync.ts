import { useEffect, useState } from 'react';

import { errorMessage } from './errorMessage';

export type AsyncState<T> =
  | { status: 'idle' }
  /** `previous`: the last answer, so views can keep showing it instead of flashing. */
  | { status: 'loading'; previous?: T }
  | { status: 'done'; value: T }
  | { status: 'failed'; error: string };

/**
 * Runs `load` whenever it changes (memoise it on its inputs; undefined: nothing to load) and keeps its
 * answer; answers of older loads are dropped.
 */
export function useAsync<T>(load: (() => Promise<T>) | undefined): AsyncState<T> {
  const [settled, setSettled] = useState<{ for: () => Promise<T>; value?: T; error?: string }>();
  useEffect(() => {
    if (!load) {
      return;
    }
    let current = true;
    load().then(
      (value) => current && setSettled({ for: load, value }),
      (err: unknown) => current && setSettled({ for: load, error: errorMessage(err) })
    );
    return () => {
      current = false;
    };
  }, [load]);
  if (!load) {
    return { status: 'idle' };
  }
  if (settled?.for !== load) {
    return { status: 'loading', previous: settled?.value };
  }
  return settled.error !== undefined
    ? { status: 'failed', error: settled.error }
    : { status: 'done', value: settled.value as T };
}
