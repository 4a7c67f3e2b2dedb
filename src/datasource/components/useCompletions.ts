import { type ComboboxOption } from '@grafana/ui';
import { useMemo } from 'react';

import { errorMessage } from '../../shared/errorMessage';

export type Completions<T extends string> = (input: string) => Promise<Array<ComboboxOption<T>>>;

/**
 * Async options for a Combobox: `fetch` runs once per `fetch` (memoise it on what it depends on: the
 * selector, the time range), when the menu first opens; typing filters the answer. A failed fetch shows the
 * backend's message as a row of the menu, so the user sees why there is nothing to pick.
 */
export function useCompletions<T extends string>(fetch: () => Promise<Array<ComboboxOption<T>>>): Completions<T> {
  return useMemo(() => completions(fetch), [fetch]);
}

function completions<T extends string>(fetch: () => Promise<Array<ComboboxOption<T>>>): Completions<T> {
  let answer: Promise<Array<ComboboxOption<T>>> | undefined;
  return async (input) => {
    answer ??= fetch();
    try {
      const options = await answer;
      const wanted = input.trim().toLowerCase();
      return wanted === ''
        ? options
        : options.filter((option) => (option.label ?? option.value).toLowerCase().includes(wanted));
    } catch (err) {
      answer = undefined;
      return [{ label: errorMessage(err), value: '' as T, infoOption: true }];
    }
  };
}
