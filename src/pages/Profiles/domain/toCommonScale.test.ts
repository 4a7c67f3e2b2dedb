import { createDataFrame, FieldType } from '@grafana/data';

import { toCommonScale } from './toCommonScale';

/** root(total) → a(total); self = total − children. */
function flameGraph(root: number, a: number) {
  return createDataFrame({
    fields: [
      { name: 'label', type: FieldType.string, values: ['total', 'a'] },
      { name: 'level', type: FieldType.number, values: [0, 1] },
      { name: 'value', type: FieldType.number, values: [root, a] },
      { name: 'self', type: FieldType.number, values: [root - a, a] },
    ],
  });
}

const column = (frame: ReturnType<typeof flameGraph>, name: string) =>
  frame.fields.find((field) => field.name === name)?.values;

describe('toCommonScale(frames)', () => {
  it("raises the smaller root to the larger total, as the root's own time", () => {
    const [small, large] = toCommonScale([flameGraph(100, 40), flameGraph(400, 80)]);
    expect(column(small!, 'value')).toEqual([400, 40]);
    expect(column(small!, 'self')).toEqual([360, 40]);
    // `a` was 40 % of its profile and is now 10 %: half of the other side's 20 %, as its amount is half.
    expect(column(large!, 'value')).toEqual([400, 80]);
  });

  it('leaves frames with equal totals and empty frames alone', () => {
    const a = flameGraph(100, 10);
    const b = flameGraph(100, 20);
    expect(toCommonScale([a, b])).toEqual([a, b]);
    const empty = createDataFrame({ fields: [] });
    expect(toCommonScale([empty, a])[0]).toBe(empty);
  });
});
