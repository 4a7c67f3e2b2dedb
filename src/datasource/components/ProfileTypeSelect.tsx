import { Combobox, type ComboboxOption } from '@grafana/ui';
import React, { useMemo } from 'react';

import type { ProfileTypeOption } from '../types';
import { useAsync } from '../../shared/useAsync';

type Props = {
  value: string | undefined;
  onChange: (profileTypeId: string | undefined) => void;
  /** The profile types to offer; memoise it on what it depends on (datasource, range, service). */
  loadProfileTypes: () => Promise<ProfileTypeOption[]>;
  /** The input's id, for a label's htmlFor (inside a Field or InlineField the field's own is used). */
  id?: string;
  placeholder?: string;
  /** Offer a clear button: "no profile type of its own" (a diff side that uses the query's). */
  isClearable?: boolean;
  width?: number;
};

/** Picks a profile type by its name (`process_cpu - cpu`); a typed ID or `$variable` is taken as it is. */
export function ProfileTypeSelect({
  value,
  onChange,
  loadProfileTypes,
  id,
  placeholder = 'Choose a profile type',
  isClearable = false,
  width = 36,
}: Props) {
  const types = useAsync(loadProfileTypes);
  const options = useMemo((): Array<ComboboxOption<string>> => {
    if (types.status === 'failed') {
      return [{ label: types.error, value: '', infoOption: true }];
    }
    const list = types.status === 'done' ? types.value : types.status === 'loading' ? (types.previous ?? []) : [];
    return list.map((type) => ({ label: type.label, value: type.id, description: type.id }));
  }, [types]);
  const current = value ? (options.find((option) => option.value === value) ?? { label: value, value }) : null;
  const common = {
    id,
    width,
    placeholder,
    value: current,
    options,
    loading: types.status === 'loading',
    createCustomValue: true,
    noOptionsMessage: 'No profiles in this range',
  };
  return isClearable ? (
    <Combobox<string> {...common} isClearable onChange={(option) => onChange(option?.value || undefined)} />
  ) : (
    <Combobox<string> {...common} onChange={(option) => onChange(option.value || undefined)} />
  );
}
