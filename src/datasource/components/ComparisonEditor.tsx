import { dateTime, type SelectableValue, type TimeRange } from '@grafana/data';
import {
  Combobox,
  type ComboboxOption,
  InlineField,
  InlineFieldRow,
  RadioButtonGroup,
  TimeRangeInput,
} from '@grafana/ui';
import React from 'react';

import type { DiffSide, ProfileTypeOption } from '../types';
import type { LabelSource } from './LabelSelectorEditor/LabelSource';
import { LabelSelectorEditor } from './LabelSelectorEditor/LabelSelectorEditor';
import { ProfileTypeSelect } from './ProfileTypeSelect';

type TimeMode = 'same' | 'shift' | 'absolute';

type Props = {
  side: DiffSide;
  /** The query's own selector: the side's starting point when it has none of its own. */
  baselineSelector: string;
  onChange: (side: DiffSide) => void;
  labels: LabelSource;
  loadProfileTypes: () => Promise<ProfileTypeOption[]>;
  /** The editor's time range: where an absolute range starts. */
  range: TimeRange | undefined;
};

const TIME_MODES: Array<SelectableValue<TimeMode>> = [
  { label: 'Same range', value: 'same' },
  { label: 'Earlier by', value: 'shift', description: 'The query range moved into the past' },
  { label: 'Absolute', value: 'absolute' },
];

const SHIFTS: Array<ComboboxOption<string>> = [
  { label: '1 hour earlier', value: '1h' },
  { label: '1 day earlier', value: '1d' },
  { label: '1 week earlier', value: '1w' },
  { label: '4 weeks earlier', value: '4w' },
];

const HOUR_MS = 3600_000;

/** The comparison side of a diff query: its own selector, profile type and time range (shifted or absolute). */
export function ComparisonEditor({ side, baselineSelector, onChange, labels, loadProfileTypes, range }: Props) {
  const timeMode: TimeMode = side.timeRange ? 'absolute' : side.shift ? 'shift' : 'same';
  const setTimeMode = (mode: TimeMode) => {
    const { timeRange: _timeRange, shift: _shift, ...rest } = side;
    if (mode === 'shift') {
      onChange({ ...rest, shift: '1w' });
    } else if (mode === 'absolute') {
      const toMs = range?.to.valueOf() ?? Date.now();
      const fromMs = range?.from.valueOf() ?? toMs - HOUR_MS;
      onChange({ ...rest, timeRange: { fromMs, toMs } });
    } else {
      onChange(rest);
    }
  };
  return (
    <>
      <InlineFieldRow>
        <InlineField
          label="Compare with"
          labelWidth={16}
          tooltip="The comparison side; empty parts are the query's own"
        >
          <ProfileTypeSelect
            placeholder="Same profile type"
            isClearable
            value={side.profileTypeId}
            loadProfileTypes={loadProfileTypes}
            onChange={(profileTypeId) => onChange({ ...side, profileTypeId })}
          />
        </InlineField>
        <InlineField label="Time" labelWidth={8}>
          <RadioButtonGroup options={TIME_MODES} value={timeMode} onChange={setTimeMode} />
        </InlineField>
        {timeMode === 'shift' && (
          <InlineField
            label="By"
            labelWidth={6}
            tooltip="A duration such as 1w, 24h or 1h30m (units ms, s, m, h, d, w); a leading - moves it later"
          >
            <Combobox<string>
              width={20}
              options={SHIFTS}
              value={
                SHIFTS.find((option) => option.value === side.shift) ?? { label: side.shift, value: side.shift ?? '' }
              }
              createCustomValue
              customValueDescription="A duration, e.g. 2d or 1h30m"
              onChange={(option) => option.value && onChange({ ...side, shift: option.value.trim() })}
            />
          </InlineField>
        )}
        {timeMode === 'absolute' && side.timeRange && (
          <InlineField label="Range" labelWidth={8}>
            <TimeRangeInput
              value={{
                from: dateTime(side.timeRange.fromMs),
                to: dateTime(side.timeRange.toMs),
                raw: { from: dateTime(side.timeRange.fromMs), to: dateTime(side.timeRange.toMs) },
              }}
              onChange={(next) =>
                onChange({ ...side, timeRange: { fromMs: next.from.valueOf(), toMs: next.to.valueOf() } })
              }
            />
          </InlineField>
        )}
      </InlineFieldRow>
      <InlineFieldRow>
        <InlineField label="Comparison labels" labelWidth={16} grow>
          <LabelSelectorEditor
            name="Comparison label selector"
            value={side.labelSelector ?? baselineSelector}
            labels={labels}
            onChange={(labelSelector) => onChange({ ...side, labelSelector })}
          />
        </InlineField>
      </InlineFieldRow>
    </>
  );
}
