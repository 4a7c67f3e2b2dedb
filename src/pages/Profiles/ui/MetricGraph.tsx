import { css } from '@emotion/css';
import {
  applyFieldOverrides,
  type DataFrame,
  FieldColorModeId,
  type GrafanaTheme2,
  type TimeRange,
} from '@grafana/data';
import { GraphDrawStyle, LegendDisplayMode, VisibilityMode } from '@grafana/schema';
import { TimeSeries, useStyles2, useTheme2, ZoomPlugin } from '@grafana/ui';
import React, { useMemo } from 'react';

import type { EpochSpan } from '../domain/ProfilesState';
import { SelectionBand } from './SelectionBand';
import { useElementWidth } from './useElementWidth';

type Props = {
  frames: DataFrame[];
  range: TimeRange;
  selection?: EpochSpan;
  /** A range dragged across the graph: the flame graph's new range. */
  onSelect: (span: EpochSpan) => void;
  height?: number;
};

const GRAPH_STYLE = {
  color: { mode: FieldColorModeId.PaletteClassic },
  custom: {
    drawStyle: GraphDrawStyle.Line,
    lineWidth: 1,
    fillOpacity: 12,
    showPoints: VisibilityMode.Never,
    spanNulls: true,
    axisSoftMin: 0,
  },
};

/** The profile metric over time (Grafana's TimeSeries); dragging across it picks the flame graph's range. */
export function MetricGraph({ frames, range, selection, onSelect, height = 180 }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const prepared = useMemo(
    () =>
      applyFieldOverrides({
        // Set on the fields: Grafana applies field config defaults only through its registry, which is
        // filled at Grafana's start (not in tests or other hosts).
        data: frames.map((frame) => ({
          ...frame,
          fields: frame.fields.map((field) => ({ ...field, config: { ...GRAPH_STYLE, ...field.config } })),
        })),
        fieldConfig: { defaults: {}, overrides: [] },
        replaceVariables: (value) => value,
        theme,
        timeZone: 'browser',
      }),
    [frames, theme]
  );
  // `options` makes the graph rebuild its plot when the selection moves, so the band is redrawn.
  const options = useMemo(() => ({ selection }), [selection]);
  return (
    <div ref={ref} className={styles.graph} style={{ height }} aria-label="Profile metric over time" role="img">
      {width > 0 && (
        <TimeSeries
          frames={prepared}
          width={width}
          height={height}
          timeRange={range}
          timeZone="browser"
          legend={{ showLegend: true, displayMode: LegendDisplayMode.List, placement: 'bottom', calcs: [] }}
          options={options}
        >
          {(config) => (
            <>
              <ZoomPlugin
                config={config}
                onZoom={({ from, to }) => onSelect({ from: Math.round(from), to: Math.round(to) })}
              />
              <SelectionBand config={config} selection={selection} color={theme.colors.primary.transparent} />
            </>
          )}
        </TimeSeries>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  graph: css({ width: '100%', cursor: 'crosshair', marginBottom: theme.spacing(1) }),
});
