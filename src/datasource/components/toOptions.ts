import { type ComboboxOption } from '@grafana/ui';

/** Plain strings as options. */
export function toOptions<T extends string>(values: readonly T[]): Array<ComboboxOption<T>> {
  return values.map((value) => ({ label: value, value }));
}
