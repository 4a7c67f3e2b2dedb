import React, { type ChangeEvent } from 'react';
import { type QueryEditorProps } from '@grafana/data';
import { InlineField, InlineFieldRow, Input, RadioButtonGroup } from '@grafana/ui';

import { type ProfilesDataSource } from '../ProfilesDataSource';
import { type ProfileQuery, type ProfileQueryType, type ProfilesJsonData } from '../types';

type Props = QueryEditorProps<ProfilesDataSource, ProfileQuery, ProfilesJsonData>;

const QUERY_TYPES: Array<{ label: string; value: ProfileQueryType }> = [
  { label: 'Profile', value: 'profile' },
  { label: 'Metrics', value: 'metrics' },
  { label: 'Both', value: 'both' },
  { label: 'Diff', value: 'diff' },
];

export function QueryEditor({ query, onChange, onRunQuery }: Props) {
  const update = (patch: Partial<ProfileQuery>) => onChange({ ...query, ...patch });
  return (
    <InlineFieldRow>
      <InlineField label="Type">
        <RadioButtonGroup
          options={QUERY_TYPES}
          value={query.queryType ?? 'profile'}
          onChange={(queryType) => {
            update({ queryType });
            onRunQuery();
          }}
        />
      </InlineField>
      <InlineField label="Profile type" grow>
        <Input
          value={query.profileTypeId ?? ''}
          placeholder="process_cpu:cpu:nanoseconds:cpu:nanoseconds"
          onChange={(e: ChangeEvent<HTMLInputElement>) => update({ profileTypeId: e.currentTarget.value })}
          onBlur={onRunQuery}
        />
      </InlineField>
      <InlineField label="Labels" grow>
        <Input
          value={query.labelSelector ?? '{}'}
          onChange={(e: ChangeEvent<HTMLInputElement>) => update({ labelSelector: e.currentTarget.value })}
          onBlur={onRunQuery}
        />
      </InlineField>
    </InlineFieldRow>
  );
}
