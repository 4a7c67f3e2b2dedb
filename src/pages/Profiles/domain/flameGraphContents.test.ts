import { createDataFrame, type DataFrame, FieldType } from '@grafana/data';

import { flameGraphContents } from './flameGraphContents';
import type { ProfilesState } from './ProfilesState';
import { parse } from './urlState';

function frame(values: Record<string, number[]>): DataFrame {
  return createDataFrame({
    fields: [
      { name: 'label', type: FieldType.string, values: ['total', 'a'] },
      { name: 'level', type: FieldType.number, values: [0, 1] },
      ...Object.entries(values).map(([name, v]) => ({ name, type: FieldType.number, values: v })),
    ],
  });
}

const roots = (state: ProfilesState, frames: DataFrame[][]) =>
  flameGraphContents(frames, state, 100).map((content) =>
    content.kind === 'flameGraph'
      ? Object.fromEntries(
          content.frame.fields.filter((f) => f.name !== 'label' && f.name !== 'level').map((f) => [f.name, f.values[0]])
        )
      : content.kind
  );

describe('flameGraphContents(frames, state, maxLevels)', () => {
  const single = frame({ value: [100, 40], self: [60, 40] });
  const diff = frame({ value: [100, 40], self: [60, 40], valueRight: [300, 90], selfRight: [210, 90] });

  it('draws a profile as it is', () => {
    expect(roots(parse('mode=single'), [[single]])).toEqual([{ value: 100, self: 60 }]);
  });

  it('colours a diff by share (relative) or by amount (absolute, roots evened out)', () => {
    expect(roots(parse('mode=diff'), [[diff]])).toEqual([{ value: 100, self: 60, valueRight: 300, selfRight: 210 }]);
    expect(roots(parse('mode=diff&colors=absolute'), [[diff]])).toEqual([
      { value: 300, self: 260, valueRight: 300, selfRight: 210 },
    ]);
  });

  it('puts two flame graphs side by side on one scale when absolute', () => {
    const larger = frame({ value: [250, 40], self: [210, 40] });
    expect(roots(parse('mode=diff&view=sideBySide'), [[single], [larger]])).toEqual([
      { value: 100, self: 60 },
      { value: 250, self: 210 },
    ]);
    expect(roots(parse('mode=diff&view=sideBySide&colors=absolute'), [[single], [larger]])).toEqual([
      { value: 250, self: 210 },
      { value: 250, self: 210 },
    ]);
  });

  it('says when a side has no profiles', () => {
    const empty = frame({ value: [0], self: [0] });
    expect(roots(parse('mode=diff&view=sideBySide&colors=absolute'), [[single], []])).toEqual([
      { value: 100, self: 60 },
      'empty',
    ]);
    expect(roots(parse(''), [[createDataFrame({ fields: [] })]])).toEqual(['empty']);
    expect(roots(parse(''), [[empty]])).toHaveLength(1);
  });
});
