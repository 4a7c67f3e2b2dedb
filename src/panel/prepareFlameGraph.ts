import { type DataFrame } from '@grafana/data';

import { findFlameGraphFrame } from './findFlameGraphFrame';
import { limitDepth } from './limitDepth';
import { toAbsoluteDiff } from './toAbsoluteDiff';
import { DiffColouring } from './types';

export type PanelContent =
  | { kind: 'empty'; notice?: string }
  | { kind: 'notFlameGraph'; message: string }
  | {
      kind: 'flameGraph';
      /** What @grafana/flamegraph gets: cut to what a canvas can hold, the root evened out for absolute diffs. */
      frame: DataFrame;
      isDiff: boolean;
      /** The root totals as the query returned them (baseline, comparison). */
      totals: { left: number; right?: number };
      depth: number;
      shownLevels: number;
    };

/** From a query's frames to what the panel draws. */
export function prepareFlameGraph(
  series: DataFrame[],
  { diffColouring, maxLevels }: { diffColouring: DiffColouring; maxLevels: number }
): PanelContent {
  const choice = findFlameGraphFrame(series);
  if (choice.kind !== 'flameGraph') {
    return choice;
  }
  const root = (name: string) => choice.frame.fields.find((field) => field.name === name)?.values[0];
  const totals = { left: Number(root('value')), right: choice.isDiff ? Number(root('valueRight')) : undefined };
  const limited = limitDepth(choice.frame, maxLevels);
  const frame =
    choice.isDiff && diffColouring === DiffColouring.Absolute ? toAbsoluteDiff(limited.frame) : limited.frame;
  return {
    kind: 'flameGraph',
    frame,
    isDiff: choice.isDiff,
    totals,
    depth: limited.depth,
    shownLevels: limited.shownLevels,
  };
}
