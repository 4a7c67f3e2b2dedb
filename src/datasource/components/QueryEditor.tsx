import { type QueryEditorProps, type SelectableValue } from '@grafana/data';
import { InlineField, InlineFieldRow, MultiCombobox, RadioButtonGroup } from '@grafana/ui';
import React, { useCallback } from 'react';

import type { ProfilesDataSource } from '../ProfilesDataSource';
import {
  DEFAULT_MAX_NODES,
  type DiffSide,
  type ProfileQuery,
  type ProfileQueryType,
  type ProfilesJsonData,
} from '../types';
import { CommitInput } from './CommitInput';
import { ComparisonEditor } from './ComparisonEditor';
import { LabelSelectorEditor } from './LabelSelectorEditor/LabelSelectorEditor';
import { ProfileTypeSelect } from './ProfileTypeSelect';
import { useLabelSource } from './useLabelSource';
import { toOptions } from './toOptions';
import { useCompletions } from './useCompletions';

type Props = QueryEditorProps<ProfilesDataSource, ProfileQuery, ProfilesJsonData>;

const QUERY_TYPES: Array<SelectableValue<ProfileQueryType>> = [
  { label: 'Profile', value: 'profile', description: 'The flame graph of the range' },
  { label: 'Metrics', value: 'metrics', description: 'The profile metric over time' },
  { label: 'Both', value: 'both', description: 'Flame graph and metric' },
  { label: 'Diff', value: 'diff', description: 'Baseline (this selection) against a comparison' },
];

/** `"12"` → 12, `""` → undefined, anything else → undefined (the field then shows its default). */
function wholeNumber(text: string): number | undefined {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : undefined;
}

export function QueryEditor({ datasource, query, onChange, onRunQuery, range }: Props) {
  const labels = useLabelSource(datasource, range);
  const loadProfileTypes = useCallback(() => datasource.getProfileTypes(range), [datasource, range]);
  const groupByNames = useCompletions(
    useCallback(
      async () => toOptions(await datasource.getLabelNames(query.labelSelector || '{}', range)),
      [datasource, query.labelSelector, range]
    )
  );

  const queryType = query.queryType ?? 'both';
  const hasMetrics = queryType === 'metrics' || queryType === 'both';
  const hasFlameGraph = queryType !== 'metrics';
  const change = (patch: Partial<ProfileQuery>, run = true) => {
    onChange({ ...query, ...patch });
    if (run) {
      onRunQuery();
    }
  };

  return (
    <>
      <InlineFieldRow>
        <InlineField label="Query type" labelWidth={16}>
          <RadioButtonGroup options={QUERY_TYPES} value={queryType} onChange={(next) => change({ queryType: next })} />
        </InlineField>
        <InlineField label="Profile type" labelWidth={14}>
          <ProfileTypeSelect
            value={query.profileTypeId}
            loadProfileTypes={loadProfileTypes}
            onChange={(profileTypeId) => change({ profileTypeId })}
          />
        </InlineField>
      </InlineFieldRow>
      <InlineFieldRow>
        <InlineField
          label={queryType === 'diff' ? 'Baseline labels' : 'Labels'}
          labelWidth={16}
          grow
          tooltip="Which series: label matchers with =, !=, =~ (regex) or !~"
        >
          <LabelSelectorEditor
            value={query.labelSelector ?? '{}'}
            labels={labels}
            onChange={(labelSelector) => change({ labelSelector })}
          />
        </InlineField>
      </InlineFieldRow>
      <InlineFieldRow>
        {hasMetrics && (
          <InlineField label="Group by" labelWidth={16} tooltip="One series per value of these labels">
            <MultiCombobox<string>
              width="auto"
              minWidth={16}
              maxWidth={60}
              placeholder="labels"
              value={query.groupBy ?? []}
              options={groupByNames}
              createCustomValue
              noOptionsMessage="No labels in this range"
              onChange={(options) => change({ groupBy: options.map((option) => option.value) })}
            />
          </InlineField>
        )}
        {hasMetrics && (
          <InlineField label="Limit" labelWidth={8} tooltip="Keep the top N series; empty or 0 keeps all">
            <CommitInput
              aria-label="Limit"
              type="number"
              width={10}
              min={0}
              placeholder="all"
              value={query.limit === undefined ? '' : String(query.limit)}
              onCommit={(text) => change({ limit: wholeNumber(text) })}
            />
          </InlineField>
        )}
        {hasFlameGraph && (
          <InlineField
            label="Max nodes"
            labelWidth={queryType === 'both' ? 12 : 16}
            tooltip="Flame graph size; smaller nodes are merged into 'other'"
          >
            <CommitInput
              aria-label="Max nodes"
              type="number"
              width={12}
              min={1}
              placeholder={String(DEFAULT_MAX_NODES)}
              value={query.maxNodes === undefined ? '' : String(query.maxNodes)}
              onCommit={(text) => change({ maxNodes: wholeNumber(text) || undefined })}
            />
          </InlineField>
        )}
        {hasFlameGraph && queryType !== 'diff' && (
          <InlineField
            label="Span IDs"
            labelWidth={10}
            tooltip="Only samples of these spans (16 hex characters each, comma-separated); needs span profiles from the agent"
          >
            <CommitInput
              aria-label="Span IDs"
              width={40}
              placeholder="7be2a3c41e9f0d28"
              value={(query.spanSelector ?? []).join(', ')}
              onCommit={(text) => change({ spanSelector: text.split(/[\s,]+/).filter((id) => id !== '') })}
            />
          </InlineField>
        )}
      </InlineFieldRow>
      {queryType === 'diff' && (
        <ComparisonEditor
          side={query.comparison ?? {}}
          baselineSelector={query.labelSelector ?? '{}'}
          labels={labels}
          loadProfileTypes={loadProfileTypes}
          range={range}
          onChange={(comparison: DiffSide) => change({ comparison })}
        />
      )}
    </>
  );
}
