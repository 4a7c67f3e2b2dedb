import { css } from '@emotion/css';
import type { DataFrame, GrafanaTheme2 } from '@grafana/data';
import { Alert, LoadingBar, LoadingPlaceholder, Text, useStyles2 } from '@grafana/ui';
import React, { forwardRef, useMemo } from 'react';

import { maxDrawableLevels } from '../../../panel/maxDrawableLevels';
import type { AsyncState } from '../../../shared/useAsync';
import { emptyMessage } from '../domain/emptyMessage';
import { flameGraphContents } from '../domain/flameGraphContents';
import type { ProfilesState } from '../domain/ProfilesState';
import { FlameGraphBox } from './FlameGraphBox';

type Props = { state: ProfilesState; flameGraphs: AsyncState<DataFrame[][]> };

/** Side by side, the columns in the order flameGraphQueries asks for them. */
const SIDE_TITLES = ['Baseline', 'Comparison'];

/** The page's flame graph(s) with loading and error states; the ref is its element (for PNG export). */
export const FlameGraphSection = forwardRef<HTMLDivElement, Props>(function FlameGraphSection(
  { state, flameGraphs },
  ref
) {
  const styles = useStyles2(getStyles);
  const frames =
    flameGraphs.status === 'done'
      ? flameGraphs.value
      : flameGraphs.status === 'loading'
        ? flameGraphs.previous
        : undefined;
  const contents = useMemo(
    () => (frames ? flameGraphContents(frames, state, maxDrawableLevels(window.devicePixelRatio)) : []),
    [frames, state]
  );
  if (flameGraphs.status === 'idle') {
    return (
      <Text color="secondary" element="p">
        Choose a service and a profile type to see the flame graph.
      </Text>
    );
  }
  if (flameGraphs.status === 'failed') {
    return (
      <Alert severity="error" title="The flame graph could not be loaded">
        {flameGraphs.error}
      </Alert>
    );
  }
  if (contents.length === 0) {
    return <LoadingPlaceholder text="Loading the flame graph…" />;
  }
  const sideBySide = contents.length > 1;
  const services = state.mode === 'diff' ? [state.main.service, state.comparison.service] : [state.main.service];
  return (
    <div ref={ref} className={styles.section}>
      {flameGraphs.status === 'loading' && <LoadingBar width={400} />}
      {sideBySide && state.colorScale === 'absolute' && (
        <Text variant="bodySmall" color="secondary">
          Absolute: both flame graphs are drawn on the larger profile&apos;s scale, so widths compare amounts; the
          smaller profile&apos;s root counts the difference as its own time.
        </Text>
      )}
      <div className={sideBySide ? styles.columns : undefined}>
        {contents.map((content, index) => (
          <section
            // A new layout gets new flame graphs: one from a narrow column would keep the flame-graph-only view
            // @grafana/flamegraph switched to there.
            key={sideBySide ? SIDE_TITLES[index] : 'single'}
            className={styles.column}
            aria-label={sideBySide ? `${SIDE_TITLES[index]} flame graph` : 'Flame graph'}
          >
            {sideBySide && <Text element="h4">{SIDE_TITLES[index]}</Text>}
            <FlameGraphBox
              content={content}
              emptyText={emptyMessage(sideBySide ? [services[index] ?? ''] : services)}
              colorScale={state.colorScale}
              vertical={sideBySide}
              disableCollapsing={(state.spanSelector ?? []).length > 0}
            />
          </section>
        ))}
      </div>
    </div>
  );
});

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  columns: css({ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: theme.spacing(2) }),
  column: css({ minWidth: 0, display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
});
