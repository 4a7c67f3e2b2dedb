import { type UPlotConfigBuilder } from '@grafana/ui';
import { useLayoutEffect } from 'react';

import type { EpochSpan } from '../domain/ProfilesState';

type Props = { config: UPlotConfigBuilder; selection?: EpochSpan; color: string };

/** Shades the flame graph's range on the metric graph (a uPlot draw hook; renders nothing itself). */
export function SelectionBand({ config, selection, color }: Props) {
  useLayoutEffect(() => {
    if (!selection) {
      return;
    }
    config.addHook('draw', (u) => {
      const left = u.valToPos(selection.from, 'x', true);
      const right = u.valToPos(selection.to, 'x', true);
      const { top, height } = u.bbox;
      u.ctx.save();
      u.ctx.fillStyle = color;
      u.ctx.fillRect(left, top, Math.max(right - left, 1), height);
      u.ctx.restore();
    });
  }, [config, selection, color]);
  return null;
}
