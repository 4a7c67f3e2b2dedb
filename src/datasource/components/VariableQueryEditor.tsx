import { type QueryEditorProps } from '@grafana/data';
import { Combobox, type ComboboxOption, InlineField, InlineFieldRow } from '@grafana/ui';
import React, { useCallback } from 'react';

import type { ProfilesDataSource } from '../ProfilesDataSource';
import type { ProfileQuery, ProfilesJsonData, VariableQuery, VariableQueryType } from '../types';
import { LabelSelectorEditor } from './LabelSelectorEditor/LabelSelectorEditor';
import { useLabelSource } from './useLabelSource';
import { toOptions } from './toOptions';
import { useCompletions } from './useCompletions';

type Props = QueryEditorProps<ProfilesDataSource, ProfileQuery, ProfilesJsonData, VariableQuery>;

const TYPES: Array<ComboboxOption<VariableQueryType>> = [
  { label: 'Profile types', value: 'profileType', description: 'Value: the profile type ID; text: its name' },
  { label: 'Label names', value: 'labelName' },
  { label: 'Label values', value: 'labelValue' },
];

/** A variable query as Grafana may hand it over: new variables start without one. */
function normalize(query: Partial<VariableQuery> | string | undefined): VariableQuery {
  if (typeof query === 'object' && query !== null && query.type) {
    return { refId: query.refId ?? 'variable', ...query, type: query.type };
  }
  return { refId: 'variable', type: 'labelValue', labelName: 'service_name', labelSelector: '{}' };
}

export function VariableQueryEditor({ datasource, query: raw, onChange, range }: Props) {
  const query = normalize(raw);
  const labels = useLabelSource(datasource, range);
  const labelNames = useCompletions(
    useCallback(
      async () => toOptions(await datasource.getLabelNames(query.labelSelector || '{}', range)),
      [datasource, query.labelSelector, range]
    )
  );
  const change = (patch: Partial<VariableQuery>) => onChange({ ...query, ...patch });

  return (
    <>
      <InlineFieldRow>
        <InlineField label="Query" labelWidth={20}>
          <Combobox<VariableQueryType>
            width={24}
            options={TYPES}
            value={query.type}
            onChange={(option) => change({ type: option.value })}
          />
        </InlineField>
        {query.type === 'labelValue' && (
          <InlineField label="Label" labelWidth={10} tooltip="The label whose values the variable offers">
            <Combobox<string>
              width={30}
              value={query.labelName ? { label: query.labelName, value: query.labelName } : null}
              options={labelNames}
              createCustomValue
              noOptionsMessage="No labels in this range"
              onChange={(option) => change({ labelName: option.value })}
            />
          </InlineField>
        )}
      </InlineFieldRow>
      {query.type !== 'profileType' && (
        <InlineFieldRow>
          <InlineField
            label="Series selector"
            labelWidth={20}
            grow
            tooltip={'Only labels of series that match, e.g. {service_name="$service"}; variables work here'}
          >
            <LabelSelectorEditor
              name="Variable label selector"
              value={query.labelSelector ?? '{}'}
              labels={labels}
              onChange={(labelSelector) => change({ labelSelector })}
            />
          </InlineField>
        </InlineFieldRow>
      )}
    </>
  );
}
