import { css } from '@emotion/css';
import type { GrafanaTheme2, SelectableValue } from '@grafana/data';
import {
  ClipboardButton,
  Combobox,
  type ComboboxOption,
  InlineField,
  RadioButtonGroup,
  ToolbarButton,
  useStyles2,
} from '@grafana/ui';
import React, { type ReactNode } from 'react';

import type { ColorScale, DiffView, ProfilesState } from '../domain/ProfilesState';

type Props = {
  state: ProfilesState;
  onChange: (patch: Partial<ProfilesState>) => void;
  /** The page's URL with absolute times. */
  link: () => string;
  exportMenu: ReactNode;
  onAddToDashboard: () => void;
  canAddToDashboard: boolean;
};

const VIEWS: Array<SelectableValue<DiffView>> = [
  { label: 'Diff', value: 'diff', description: 'One flame graph, red where the comparison takes more' },
  { label: 'Side by side', value: 'sideBySide', description: 'Both flame graphs next to each other' },
];

const SCALES: Array<SelectableValue<ColorScale>> = [
  { label: 'Relative', value: 'relative', description: "Compare each function's share of its side's total" },
  { label: 'Absolute', value: 'absolute', description: "Compare each function's amounts (e.g. CPU seconds)" },
];

const MAX_NODES: Array<ComboboxOption<string>> = ['1024', '4096', '8192', '16384', '65536', '262144'].map((n) => ({
  label: Number(n).toLocaleString('en-US'),
  value: n,
}));

/** How the flame graph is shown (diff view, colours, size) and what to do with it (link, export, dashboard). */
export function FlameGraphToolbar({ state, onChange, link, exportMenu, onAddToDashboard, canAddToDashboard }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.toolbar}>
      {state.mode === 'diff' && (
        <>
          <InlineField label="View">
            <RadioButtonGroup<DiffView>
              options={VIEWS}
              value={state.diffView}
              onChange={(diffView) => onChange({ diffView })}
            />
          </InlineField>
          <InlineField
            label="Colours"
            tooltip="Relative, as Grafana does: a function is red when it takes a larger share of its side. Absolute: red when it takes more time or memory, even if the whole profile grew with it."
          >
            <RadioButtonGroup<ColorScale>
              options={SCALES}
              value={state.colorScale}
              onChange={(colorScale) => onChange({ colorScale })}
            />
          </InlineField>
        </>
      )}
      <InlineField label="Max nodes" tooltip="Flame graph size; smaller nodes are merged into 'other'">
        <Combobox<string>
          width={14}
          options={MAX_NODES}
          value={{ label: state.maxNodes.toLocaleString('en-US'), value: String(state.maxNodes) }}
          createCustomValue
          onChange={(option) => {
            const maxNodes = Number(option.value);
            if (Number.isInteger(maxNodes) && maxNodes > 0) {
              onChange({ maxNodes });
            }
          }}
        />
      </InlineField>
      <div className={styles.spacer} />
      <ClipboardButton icon="link" variant="secondary" fill="outline" size="md" getText={link}>
        Copy link
      </ClipboardButton>
      {exportMenu}
      <ToolbarButton icon="apps" onClick={onAddToDashboard} disabled={!canAddToDashboard}>
        Add to dashboard
      </ToolbarButton>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  toolbar: css({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: theme.spacing(1) }),
  spacer: css({ flexGrow: 1 }),
});
