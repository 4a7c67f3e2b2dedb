import React from 'react';
import { css } from '@emotion/css';
import { formattedValueToString, getValueFormat, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { DiffColouring } from './types';

type Props = { left: number; right: number; unit?: string; colouring: DiffColouring };

/** Both sides' totals and how colours compare them, for the flame graph's header. */
export function DiffTotals({ left, right, unit, colouring }: Props) {
  const styles = useStyles2(getStyles);
  const format = getValueFormat(unit ?? 'short');
  const change = left > 0 ? ((right - left) / left) * 100 : undefined;
  const changeText = change === undefined ? '' : ` (${change >= 0 ? '+' : ''}${change.toFixed(1)} %)`;
  return (
    <span className={styles.totals} data-testid="diff-totals">
      Baseline {formattedValueToString(format(left))} · Comparison {formattedValueToString(format(right))}
      {changeText} ·{' '}
      {colouring === DiffColouring.Absolute
        ? 'absolute colours (the root counts the larger total on both sides)'
        : 'colours by share of total'}
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  totals: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
  }),
});
