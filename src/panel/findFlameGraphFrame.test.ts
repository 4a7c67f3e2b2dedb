import { createDataFrame, FieldType } from '@grafana/data';

import { findFlameGraphFrame } from './findFlameGraphFrame';
import { nestedSetFrame } from './testing/nestedSetFrame';

const series = createDataFrame({
  name: 'series',
  fields: [
    { name: 'time', type: FieldType.time, values: [1, 2] },
    { name: 'value', type: FieldType.number, values: [0.5, 0.7] },
  ],
});

describe('findFlameGraphFrame(series)', () => {
  it.each([
    ['an enum label (our backend, Grafana’s Pyroscope datasource)', true],
    ['a string label (older Pyroscope datasources)', false],
  ])('accepts a profile frame with %s', (_what, enumLabels) => {
    const frame = nestedSetFrame(
      [
        ['total', 0, 10, 0],
        ['main', 1, 10, 4],
        ['work', 2, 6, 6],
      ],
      { enumLabels }
    );
    expect(findFlameGraphFrame([frame])).toEqual({ kind: 'flameGraph', frame, isDiff: false });
  });

  it('picks the flame graph out of a `both` answer (flame graph and series)', () => {
    const frame = nestedSetFrame([['total', 0, 3, 3]]);
    expect(findFlameGraphFrame([series, frame])).toMatchObject({ kind: 'flameGraph', frame });
  });

  it('recognises a diff frame', () => {
    const frame = nestedSetFrame([
      ['total', 0, 10, 0, 20, 0],
      ['main', 1, 10, 10, 20, 20],
    ]);
    expect(findFlameGraphFrame([frame])).toMatchObject({ kind: 'flameGraph', isDiff: true });
  });

  it.each([
    ['no frames', []],
    ['a frame without fields', [createDataFrame({ fields: [] })]],
    ['a frame without rows', [nestedSetFrame([])]],
  ])('reports no data for %s', (_what, frames) => {
    expect(findFlameGraphFrame(frames)).toEqual({ kind: 'empty' });
  });

  it("reports no data, with the datasource's notice, for a root of 0", () => {
    const frame = nestedSetFrame([['total', 0, 0, 0]]);
    frame.meta = { notices: [{ severity: 'info', text: 'No profiles for {service_name="x"} in this range' }] };
    expect(findFlameGraphFrame([frame])).toEqual({
      kind: 'empty',
      notice: 'No profiles for {service_name="x"} in this range',
    });
  });

  it('explains that time series are not a flame graph', () => {
    const choice = findFlameGraphFrame([series]);
    expect(choice).toEqual({
      kind: 'notFlameGraph',
      message:
        'This panel draws flame graphs, and the query returned none (Data is missing fields: label, level, self). Choose the query type Profile, Both or Diff.',
    });
  });

  it.each([
    [
      'a root below level 0',
      [
        ['main', 1, 10, 10],
        ['work', 2, 6, 6],
      ],
      "The frame's rows are not a flame graph in depth-first order: row 1 is at level 1, expected the root at level 0.",
    ],
    [
      'a row that skips a level',
      [
        ['total', 0, 10, 0],
        ['work', 2, 6, 6],
      ],
      "The frame's rows are not a flame graph in depth-first order: row 2 is at level 2, expected a level from 1 to 1.",
    ],
    [
      'a second root',
      [
        ['total', 0, 10, 10],
        ['total', 0, 6, 6],
      ],
      "The frame's rows are not a flame graph in depth-first order: row 2 is at level 0, expected a level from 1 to 1.",
    ],
    [
      'a negative value',
      [
        ['total', 0, 10, 0],
        ['work', 1, -6, -6],
      ],
      "The frame's value in row 2 is -6; flame graph values are numbers ≥ 0.",
    ],
  ] as Array<[string, Array<[string, number, number, number]>, string]>)('explains %s', (_what, rows, message) => {
    expect(findFlameGraphFrame([nestedSetFrame(rows)])).toEqual({ kind: 'notFlameGraph', message });
  });

  it('explains a diff that lacks selfRight', () => {
    const frame = nestedSetFrame([['total', 0, 10, 10]]);
    frame.fields.push({ name: 'valueRight', type: FieldType.number, values: [3], config: {} });
    expect(findFlameGraphFrame([frame])).toEqual({
      kind: 'notFlameGraph',
      message: 'The frame has valueRight but not selfRight: a diff flame graph needs both.',
    });
  });
});
