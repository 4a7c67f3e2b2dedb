import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { Combobox, type ComboboxOption, IconButton, useStyles2 } from '@grafana/ui';
import React, { useCallback, useId } from 'react';

import { isRegexOperator, MATCH_OPERATORS, type MatchOperator, type Matcher } from '../../selector/Matcher';
import { HiddenLabel } from '../HiddenLabel';
import { toOptions } from '../toOptions';
import { useCompletions } from '../useCompletions';
import type { LabelSource } from './LabelSource';

type Props = {
  matcher: Matcher;
  /** The other rows as a selector: completions only offer what still matches series. */
  context: string;
  labels: LabelSource;
  /** Accessible names: "<prefix> label", "<prefix> operator", "<prefix> value". */
  ariaPrefix: string;
  onChange: (matcher: Matcher) => void;
  onRemove: () => void;
};

const OPERATOR_DESCRIPTIONS: Record<MatchOperator, string> = {
  '=': 'equals',
  '!=': 'does not equal',
  '=~': 'matches the regex',
  '!~': 'does not match the regex',
};
const OPERATOR_OPTIONS: Array<ComboboxOption<MatchOperator>> = MATCH_OPERATORS.map((op) => ({
  label: op,
  value: op,
  description: OPERATOR_DESCRIPTIONS[op],
}));

/** One `label op value` of the selector builder, with label names and values completed from the datasource. */
export function MatcherRow({ matcher, context, labels, ariaPrefix, onChange, onRemove }: Props) {
  const styles = useStyles2(getStyles);
  const id = useId();
  const names = useCompletions(useCallback(async () => toOptions(await labels.labelNames(context)), [labels, context]));
  const values = useCompletions(
    useCallback(
      async () => (matcher.name === '' ? [] : toOptions(await labels.labelValues(matcher.name, context))),
      [labels, matcher.name, context]
    )
  );
  const current = (value: string) => (value === '' ? null : { label: value, value });
  return (
    <div className={styles.row}>
      <HiddenLabel htmlFor={`${id}-label`}>{`${ariaPrefix} label`}</HiddenLabel>
      <Combobox<string>
        id={`${id}-label`}
        width="auto"
        minWidth={12}
        maxWidth={40}
        placeholder="label"
        value={current(matcher.name)}
        options={names}
        createCustomValue
        noOptionsMessage="No labels in this range"
        onChange={(option) => onChange({ ...matcher, name: option.value })}
      />
      <HiddenLabel htmlFor={`${id}-operator`}>{`${ariaPrefix} operator`}</HiddenLabel>
      <Combobox<MatchOperator>
        id={`${id}-operator`}
        width={8}
        value={matcher.operator}
        options={OPERATOR_OPTIONS}
        onChange={(option) => onChange({ ...matcher, operator: option.value })}
      />
      <HiddenLabel htmlFor={`${id}-value`}>{`${ariaPrefix} value`}</HiddenLabel>
      <Combobox<string>
        id={`${id}-value`}
        width="auto"
        minWidth={14}
        maxWidth={60}
        placeholder={isRegexOperator(matcher.operator) ? 'regex' : 'value'}
        value={current(matcher.value)}
        options={values}
        createCustomValue
        noOptionsMessage={matcher.name === '' ? 'Pick a label first' : 'No values in this range'}
        onChange={(option) => onChange({ ...matcher, value: option.value })}
      />
      <IconButton name="times" aria-label={`Remove ${ariaPrefix}`} onClick={onRemove} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) }),
});
