import { Combobox, type ComboboxOption, InlineField, InlineFieldRow } from '@grafana/ui';
import React, { useCallback, useMemo } from 'react';

import type { LabelSource } from '../../../datasource/components/LabelSelectorEditor/LabelSource';
import { LabelSelectorEditor } from '../../../datasource/components/LabelSelectorEditor/LabelSelectorEditor';
import { ProfileTypeSelect } from '../../../datasource/components/ProfileTypeSelect';
import type { ProfileTypeOption, ServiceOption } from '../../../datasource/types';
import type { AsyncState } from '../../../shared/useAsync';
import type { ProfileSelection } from '../domain/ProfilesState';

type Props = {
  side: ProfileSelection;
  services: AsyncState<ServiceOption[]>;
  labels: LabelSource;
  onChange: (patch: Partial<ProfileSelection>) => void;
  /** Prefix of the fields' names when the page shows two sides ("Baseline", "Comparison"). */
  name?: string;
};

/** A side's service, profile type and label filters. */
export function SideControls({ side, services, labels, onChange, name }: Props) {
  const list = useMemo(
    () => (services.status === 'done' ? services.value : services.status === 'loading' ? services.previous : undefined),
    [services]
  );
  const serviceOptions = useMemo((): Array<ComboboxOption<string>> => {
    if (services.status === 'failed') {
      return [{ label: services.error, value: '', infoOption: true }];
    }
    return (list ?? []).map((service) => ({
      label: service.name,
      value: service.name,
      description: service.profileTypes.map((type) => type.label).join(', '),
    }));
  }, [list, services]);
  const types = useMemo(
    (): ProfileTypeOption[] => list?.find((service) => service.name === side.service)?.profileTypes ?? [],
    [list, side.service]
  );
  const loadTypes = useCallback(() => Promise.resolve(types), [types]);
  const label = (text: string) => (name ? `${name} ${text.toLowerCase()}` : text);

  return (
    <InlineFieldRow>
      <InlineField label={label('Service')} labelWidth={name ? 20 : 10}>
        <Combobox<string>
          width={28}
          placeholder="Choose a service"
          value={side.service === '' ? null : { label: side.service, value: side.service }}
          options={serviceOptions}
          loading={services.status === 'loading'}
          createCustomValue
          noOptionsMessage="No services with profiles in this range"
          onChange={(option) => onChange({ service: option.value })}
        />
      </InlineField>
      <InlineField label={label('Profile type')} labelWidth={name ? 24 : 14}>
        <ProfileTypeSelect
          value={side.profileTypeId || undefined}
          loadProfileTypes={loadTypes}
          onChange={(profileTypeId) => onChange({ profileTypeId: profileTypeId ?? '' })}
        />
      </InlineField>
      <InlineField label={label('Filters')} labelWidth={name ? 20 : 10} grow>
        <LabelSelectorEditor
          name={label('Filters')}
          value={side.filters}
          labels={labels}
          placeholder='{env="prod", pod=~"api-.*"}'
          onChange={(filters) => onChange({ filters: filters || '{}' })}
        />
      </InlineField>
    </InlineFieldRow>
  );
}
