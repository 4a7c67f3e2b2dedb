import { css } from '@emotion/css';
import type { DataFrame, GrafanaTheme2, TimeRange } from '@grafana/data';
import { Stack, Text, TimeRangePicker, useStyles2 } from '@grafana/ui';
import React from 'react';

import type { LabelSource } from '../../../datasource/components/LabelSelectorEditor/LabelSource';
import type { ServiceOption } from '../../../datasource/types';
import type { AsyncState } from '../../../shared/useAsync';
import { emptyMessage } from '../domain/emptyMessage';
import type { ProfileSelection, RawRange } from '../domain/ProfilesState';
import { rawRange, shiftRange, zoomOut } from '../domain/rawRange';
import { shiftEarlier } from '../domain/shiftEarlier';
import { MetricSection } from './MetricSection';
import { SelectionInfo } from './SelectionInfo';
import { ShiftMenu } from './ShiftMenu';
import { SideControls } from './SideControls';

type Props = {
  side: ProfileSelection;
  range: TimeRange;
  services: AsyncState<ServiceOption[]>;
  labels: LabelSource;
  metric: AsyncState<DataFrame[]>;
  onChange: (patch: Partial<ProfileSelection>) => void;
  /** A diff's side: its title. */
  title?: 'Baseline' | 'Comparison';
  /** The comparison: its own time picker, and quick ranges relative to the baseline's. */
  baselineRange?: RawRange;
};

/** One side of the page: what to look at, its metric over time, and the flame graph's range on it. */
export function SidePanel({ side, range, services, labels, metric, onChange, title, baselineRange }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <section className={styles.panel} aria-label={title ?? 'Profile selection'}>
      {title && (
        <Stack direction="row" justifyContent="space-between" alignItems="center">
          <div className={styles.title}>
            <Text element="h3" variant="h5">
              {title}
            </Text>
          </div>
          {baselineRange && (
            <Stack direction="row" gap={1}>
              <ShiftMenu
                onSame={() => onChange({ range: baselineRange })}
                onShift={(shift) => onChange({ range: shiftEarlier(baselineRange, shift) })}
              />
              <TimeRangePicker
                value={range}
                onChange={(next) => onChange({ range: rawRange(next) })}
                onChangeTimeZone={() => undefined}
                onMoveBackward={() => onChange({ range: shiftRange(range, -1) })}
                onMoveForward={() => onChange({ range: shiftRange(range, 1) })}
                onZoom={() => onChange({ range: zoomOut(range) })}
              />
            </Stack>
          )}
        </Stack>
      )}
      <SideControls side={side} services={services} labels={labels} onChange={onChange} name={title} />
      <MetricSection
        metric={metric}
        range={range}
        selection={side.selection}
        onSelect={(selection) => onChange({ selection })}
        emptyText={emptyMessage([side.service])}
      />
      <SelectionInfo selection={side.selection} onClear={() => onChange({ selection: undefined })} />
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    padding: theme.spacing(1.5),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.primary,
    minWidth: 0,
    // Backend messages can hold long selectors without spaces.
    overflowWrap: 'anywhere',
  }),
  // The side's name stays one word beside its time picker.
  title: css({ overflowWrap: 'normal', flexShrink: 0 }),
});
