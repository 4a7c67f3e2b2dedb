import React, { useMemo } from 'react';
import { LoadingState, type PanelProps } from '@grafana/data';

import { FlameGraphView } from './FlameGraphView';
import { maxDrawableLevels } from './maxDrawableLevels';
import { PanelMessage } from './PanelMessage';
import { prepareFlameGraph } from './prepareFlameGraph';
import { resolveOptions } from './resolveOptions';
import { type FlameGraphPanelOptions } from './types';

/** The flame graph panel: our `profile`/`diff` frames and the core Pyroscope datasource's, drawn by Grafana. */
export function FlameGraphPanel({ data, options, width, height }: PanelProps<FlameGraphPanelOptions>) {
  const resolved = resolveOptions(options);
  const content = useMemo(
    () =>
      prepareFlameGraph(data.series, {
        diffColouring: resolved.diffColouring,
        maxLevels: maxDrawableLevels(window.devicePixelRatio),
      }),
    [data.series, resolved.diffColouring]
  );
  if (content.kind === 'flameGraph') {
    return <FlameGraphView content={content} options={resolved} width={width} height={height} />;
  }
  if (data.state === LoadingState.Loading && data.series.length === 0) {
    return null;
  }
  const error = data.errors?.[0]?.message;
  if (error && content.kind === 'empty') {
    return <PanelMessage warning title="The query failed" detail={error} />;
  }
  if (content.kind === 'notFlameGraph') {
    return <PanelMessage warning title="Not a flame graph" detail={content.message} />;
  }
  return <PanelMessage title="No profile data in this range" detail={content.notice} />;
}
