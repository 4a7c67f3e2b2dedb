import { css } from '@emotion/css';
import type { DataSourceInstanceSettings, GrafanaTheme2, SelectableValue, TimeRange } from '@grafana/data';
import { Combobox, InlineField, RadioButtonGroup, RefreshPicker, TimeRangePicker, useStyles2 } from '@grafana/ui';
import React from 'react';

import type { PageMode, RawRange } from '../domain/ProfilesState';
import { rawRange, shiftRange, zoomOut } from '../domain/rawRange';

type Props = {
  dataSources: DataSourceInstanceSettings[];
  datasource: string;
  onDataSource: (uid: string) => void;
  mode: PageMode;
  onMode: (mode: PageMode) => void;
  range: TimeRange;
  onRange: (range: RawRange) => void;
  onRefresh: () => void;
  isLoading: boolean;
};

const MODES: Array<SelectableValue<PageMode>> = [
  { label: 'Single', value: 'single', description: 'One flame graph' },
  { label: 'Compare', value: 'diff', description: 'Baseline against comparison: two ranges, selections or services' },
];

/** The page's top row: which datasource, single or compare, and Grafana's time picker. */
export function PageToolbar(props: Props) {
  const { dataSources, datasource, onDataSource, mode, onMode, range, onRange, onRefresh, isLoading } = props;
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.toolbar}>
      <InlineField label="Data source">
        <Combobox<string>
          width={28}
          options={dataSources.map((settings) => ({ label: settings.name, value: settings.uid }))}
          value={datasource || null}
          placeholder="Choose a data source"
          onChange={(option) => onDataSource(option.value)}
        />
      </InlineField>
      <RadioButtonGroup<PageMode> options={MODES} value={mode} onChange={onMode} />
      <div className={styles.spacer} />
      <TimeRangePicker
        value={range}
        onChange={(next) => onRange(rawRange(next))}
        onChangeTimeZone={() => undefined}
        onMoveBackward={() => onRange(shiftRange(range, -1))}
        onMoveForward={() => onRange(shiftRange(range, 1))}
        onZoom={() => onRange(zoomOut(range))}
      />
      <RefreshPicker onRefresh={onRefresh} onIntervalChanged={() => undefined} noIntervalPicker isLoading={isLoading} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  toolbar: css({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: theme.spacing(1) }),
  spacer: css({ flexGrow: 1 }),
});
