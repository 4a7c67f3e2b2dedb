import type { DataFrame } from '@grafana/data';

import { type PanelContent, prepareFlameGraph } from '../../../panel/prepareFlameGraph';
import { DiffColouring } from '../../../panel/types';
import type { ProfilesState } from './ProfilesState';
import { toCommonScale } from './toCommonScale';

/**
 * What each flame graph of the page draws, from the frames of its queries (flameGraphQueries' order): cut to
 * what a canvas can hold, a diff coloured by share or by amount, and two graphs side by side put on one
 * scale when the colour scale is absolute.
 */
export function flameGraphContents(frames: DataFrame[][], state: ProfilesState, maxLevels: number): PanelContent[] {
  const diffColouring =
    state.mode === 'diff' && state.colorScale === 'absolute' ? DiffColouring.Absolute : DiffColouring.Relative;
  const contents = frames.map((series) => prepareFlameGraph(series, { diffColouring, maxLevels }));
  if (state.mode !== 'diff' || state.diffView !== 'sideBySide' || state.colorScale !== 'absolute') {
    return contents;
  }
  const drawn = contents.flatMap((content) => (content.kind === 'flameGraph' ? [content] : []));
  if (drawn.length < 2) {
    return contents;
  }
  const scaled = toCommonScale(drawn.map((content) => content.frame));
  return contents.map((content) =>
    content.kind === 'flameGraph' ? { ...content, frame: scaled[drawn.indexOf(content)] ?? content.frame } : content
  );
}
