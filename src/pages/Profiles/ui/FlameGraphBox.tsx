import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { FlameGraph } from '@grafana/flamegraph';
import { Alert, EmptyState, Icon, useStyles2, useTheme2 } from '@grafana/ui';
import React, { useCallback } from 'react';

import { DiffTotals } from '../../../panel/DiffTotals';
import type { PanelContent } from '../../../panel/prepareFlameGraph';
import { DiffColouring } from '../../../panel/types';
import type { ColorScale } from '../domain/ProfilesState';

type Props = {
  content: PanelContent;
  /** Said when the range holds no profiles. */
  emptyText: string;
  colorScale: ColorScale;
  /** Stack the top table under the flame graph (narrow columns). */
  vertical?: boolean;
  /**
   * Draw every frame instead of folding chains of frames with the same value into one bar: a span profile is
   * often a single stack, which folding would show as one bar named `total`.
   */
  disableCollapsing?: boolean;
};

/** One flame graph (Grafana's, with its top table, sandwich view, search and focus), or why there is none. */
export function FlameGraphBox({ content, emptyText, colorScale, vertical, disableCollapsing }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const getTheme = useCallback(() => theme, [theme]);
  switch (content.kind) {
    case 'empty':
      return (
        <EmptyState variant="not-found" message="No profiles in this range">
          {content.notice ? `${emptyText} (${content.notice})` : emptyText}
        </EmptyState>
      );
    case 'notFlameGraph':
      return (
        <Alert severity="error" title="The answer is not a flame graph">
          {content.message}
        </Alert>
      );
    case 'flameGraph': {
      const unit = content.frame.fields.find((field) => field.name === 'value')?.config.unit;
      return (
        <div className={styles.box}>
          {content.shownLevels < content.depth && (
            <div className={styles.note} role="note">
              <Icon name="info-circle" />
              This profile is {content.depth} levels deep; the flame graph shows the first {content.shownLevels} (a
              browser cannot draw a taller canvas).
            </div>
          )}
          {/* A block parent: the flame graph's own container is `flex: 1 1 0`, which would collapse in a flex column. */}
          <div>
            <FlameGraph
              data={content.frame}
              getTheme={getTheme}
              vertical={vertical}
              disableCollapsing={disableCollapsing}
              stickyHeader
              keepFocusOnDataChange
              extraHeaderElements={
                content.isDiff && content.totals.right !== undefined ? (
                  <DiffTotals
                    left={content.totals.left}
                    right={content.totals.right}
                    unit={unit}
                    colouring={colorScale === 'absolute' ? DiffColouring.Absolute : DiffColouring.Relative}
                  />
                ) : undefined
              }
            />
          </div>
        </div>
      );
    }
  }
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), minWidth: 0 }),
  note: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
