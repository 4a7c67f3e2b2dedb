import { css } from '@emotion/css';
import { type GrafanaTheme2, type SelectableValue } from '@grafana/data';
import { Button, Input, RadioButtonGroup, Text, useStyles2 } from '@grafana/ui';
import React, { useId, useState } from 'react';

import { formatSelector } from '../../selector/formatSelector';
import type { Matcher } from '../../selector/Matcher';
import { parseSelector } from '../../selector/parseSelector';
import type { LabelSource } from './LabelSource';
import { MatcherRow } from './MatcherRow';

type Mode = 'builder' | 'code';

type Props = {
  /** The selector, e.g. `{service_name="checkout", env!="dev"}`. */
  value: string;
  /** Called with each complete selector (rows without a label name are left out until they have one). */
  onChange: (selector: string) => void;
  labels: LabelSource;
  /** Accessible name of the editor; rows are "<name> 1 label", …, the code input is "<name>". */
  name?: string;
  placeholder?: string;
};

const MODES: Array<SelectableValue<Mode>> = [
  { label: 'Builder', value: 'builder' },
  { label: 'Code', value: 'code' },
];

/**
 * A label selector as rows of `label op value` with completion from the datasource, or as text. A selector
 * the builder cannot show (or one typed half-way) stays in code mode, editable, until it parses.
 */
export function LabelSelectorEditor({ value, onChange, labels, name = 'Label selector', placeholder }: Props) {
  const styles = useStyles2(getStyles);
  const parsed = parseSelector(value);
  const [mode, setMode] = useState<Mode>('error' in parsed ? 'code' : 'builder');
  const [rows, setRows] = useState<Matcher[]>('error' in parsed ? [] : parsed.matchers);
  const [text, setText] = useState(value);
  // The last selector received, and the last one reported: a new value that is not this editor's own echo
  // (an incomplete row is not part of what it reports) replaces the rows.
  const [received, setReceived] = useState(value);
  const [reported, setReported] = useState(value);
  const codeId = useId();

  if (value !== received) {
    setReceived(value);
    if (value !== reported) {
      setReported(value);
      setText(value);
      if ('error' in parsed) {
        setMode('code');
      } else {
        setRows(parsed.matchers);
      }
    }
  }

  const report = (selector: string) => {
    if (selector !== reported) {
      setReported(selector);
      onChange(selector);
    }
  };
  const updateRows = (next: Matcher[]) => {
    setRows(next);
    const selector = formatSelector(next.filter((row) => row.name !== ''));
    setText(selector);
    report(selector);
  };
  const commitText = () => {
    const next = parseSelector(text);
    if (!('error' in next)) {
      setRows(next.matchers);
    }
    report(text.trim());
  };

  const textError = mode === 'code' ? parseSelector(text) : undefined;
  return (
    <div className={styles.editor}>
      <RadioButtonGroup<Mode>
        size="sm"
        options={MODES}
        value={mode}
        disabledOptions={textError && 'error' in textError ? ['builder'] : []}
        onChange={(next) => {
          if (next === 'builder') {
            commitText();
          }
          setMode(next);
        }}
      />
      {mode === 'builder' ? (
        <div className={styles.rows}>
          {rows.map((row, index) => (
            <MatcherRow
              key={index}
              matcher={row}
              context={formatSelector(rows.filter((other, i) => i !== index && other.name !== ''))}
              labels={labels}
              ariaPrefix={`${name} ${index + 1}`}
              onChange={(matcher) => updateRows(rows.map((other, i) => (i === index ? matcher : other)))}
              onRemove={() => updateRows(rows.filter((_, i) => i !== index))}
            />
          ))}
          <Button
            variant="secondary"
            size="sm"
            icon="plus"
            aria-label={`Add a filter to ${name}`}
            onClick={() => setRows([...rows, { name: '', operator: '=', value: '' }])}
          >
            {rows.length === 0 ? 'Filter' : ''}
          </Button>
        </div>
      ) : (
        <div className={styles.code}>
          <Input
            id={codeId}
            aria-label={name}
            value={text}
            placeholder={placeholder ?? '{service_name="checkout", env!="dev"}'}
            onChange={(e) => setText(e.currentTarget.value)}
            onBlur={commitText}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                commitText();
              }
            }}
          />
          {textError && 'error' in textError && text.trim() !== '' && (
            <Text variant="bodySmall" color="secondary">
              The builder cannot show this selector ({textError.error}); Pyroscope checks it when the query runs.
            </Text>
          )}
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  editor: css({ display: 'flex', alignItems: 'flex-start', gap: theme.spacing(1), flexWrap: 'wrap', flexGrow: 1 }),
  rows: css({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: theme.spacing(1) }),
  code: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), flexGrow: 1, minWidth: 320 }),
});
