import React, { useCallback, useRef } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { FlameGraph } from '@grafana/flamegraph';
import { Icon, useStyles2, useTheme2 } from '@grafana/ui';

import { DiffTotals } from './DiffTotals';
import { type PanelContent } from './prepareFlameGraph';
import { type FlameGraphPanelOptions } from './types';
import { useHeaderChoices } from './useHeaderChoices';

type Props = {
  content: Extract<PanelContent, { kind: 'flameGraph' }>;
  options: FlameGraphPanelOptions;
  width: number;
  height: number;
};

/** Grafana's flame graph with the panel's options applied, and a note when the profile is cut. */
export function FlameGraphView({ content, options, width, height }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles, height);
  const getTheme = useCallback(() => theme, [theme]);
  const rootRef = useRef<HTMLDivElement>(null);
  useHeaderChoices(rootRef, {
    view: options.view,
    colorScheme: content.isDiff ? options.diffColorScheme : options.colorScheme,
    isDiff: content.isDiff,
  });
  const unit = content.frame.fields.find((field) => field.name === 'value')?.config.unit;
  return (
    <div ref={rootRef} className={styles.container} style={{ width, height }} data-testid="flame-graph-panel">
      {content.shownLevels < content.depth && (
        <div className={styles.note} role="note">
          <Icon name="info-circle" />
          This profile is {content.depth.toLocaleString('en-US')} levels deep; the flame graph shows the first{' '}
          {content.shownLevels.toLocaleString('en-US')} (a browser cannot draw a taller canvas). Deeper calls count as
          their level-{content.shownLevels.toLocaleString('en-US')} caller’s own time.
        </div>
      )}
      <FlameGraph
        data={content.frame}
        getTheme={getTheme}
        stickyHeader={false}
        keepFocusOnDataChange
        extraHeaderElements={
          content.isDiff && content.totals.right !== undefined ? (
            <DiffTotals
              left={content.totals.left}
              right={content.totals.right}
              unit={unit}
              colouring={options.diffColouring}
            />
          ) : undefined
        }
      />
    </div>
  );
}

/** Room the flame graph's header and our note take above the top table. */
const HEADER_PX = 56;

const getStyles = (theme: GrafanaTheme2, height: number) => ({
  container: css({
    display: 'flex',
    flexDirection: 'column',
    overflow: 'auto',
    gap: theme.spacing(1),
    // The top table sizes itself to its box, which beside a shallow flame graph is a row or two high: give
    // it the panel's height (Grafana's own cap is 800 px).
    '& [data-testid="topTable"]': { minHeight: Math.max(160, Math.min(800, height - HEADER_PX)) },
  }),
  note: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
