import { Writer } from 'protobufjs/minimal';

import { decodeFlameGraph, decodeFlameGraphDiff } from './decodeFlameGraph';
import { encodeTestMessage } from './testQuerierProto';

// Builds a SelectMergeStacktracesResponse by hand, for wire shapes protobufjs' encoder never produces.
function response(writeGraph: (graph: Writer) => void): Uint8Array {
  const writer = Writer.create();
  writer.uint32((7 << 3) | 5).fixed32(1); // an unknown fixed32 field before the graph
  writeGraph(writer.uint32((1 << 3) | 2).fork());
  return writer.ldelim().finish();
}

describe('decodeFlameGraph', () => {
  it('decodes large and negative int64 values exactly', () => {
    const values = [0, 2 ** 53 - 1, 1_700_000_000_000_000, 127, 128, 16383, 16384, -1, -(2 ** 40), 1, 0, 0];
    const bytes = encodeTestMessage('SelectMergeStacktracesResponse', {
      flamegraph: { names: ['total', 'a'], levels: [{ values }], total: 2 ** 50 },
    });
    expect(decodeFlameGraph(bytes)).toEqual({
      names: ['total', 'a'],
      levels: [new Float64Array(values)],
      total: 2 ** 50,
      maxSelf: 0,
    });
  });

  it('accepts unpacked and split values, and skips unknown fields of every wire type', () => {
    const bytes = response((graph) => {
      graph.uint32((1 << 3) | 2).string('total');
      graph.uint32((2 << 3) | 2).fork();
      graph
        .uint32(1 << 3)
        .int64(0)
        .uint32(1 << 3)
        .int64(5); // unpacked
      graph
        .uint32((1 << 3) | 2)
        .fork()
        .int64(0)
        .int64(1)
        .ldelim(); // a second packed chunk
      graph.uint32((9 << 3) | 1).fixed64(7); // unknown fixed64
      graph.ldelim();
      graph.uint32((3 << 3) | 0).int64(5);
      graph.uint32((10 << 3) | 2).string('future field');
    });
    expect(decodeFlameGraph(bytes)).toEqual({
      names: ['total'],
      levels: [new Float64Array([0, 5, 0, 1])],
      total: 5,
      maxSelf: 0,
    });
  });

  it.each([
    ['ASCII names', ['total', 'main', 'net/http.(*conn).serve', '']],
    ['a name of 128 bytes or more (a two-byte length)', ['total', 'x'.repeat(300), 'main']],
    ['names with non-ASCII text', ['total', 'ü€😀', 'main', 'Résumé::parse']],
  ])('decodes %s', (_case, names) => {
    const bytes = encodeTestMessage('SelectMergeStacktracesResponse', {
      flamegraph: { names, levels: [{ values: [0, 1, 1, 0] }], total: 1 },
    });
    expect(decodeFlameGraph(bytes).names).toEqual(names);
  });

  it.each([
    ['a truncated message', Buffer.from([0x0a, 0x05, 0x0a, 0x01])],
    ['an endless varint', Buffer.from([0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])],
    ['a group wire type', Buffer.from([0x0b])],
    [
      'a level that is not whole nodes',
      encodeTestMessage('SelectMergeStacktracesResponse', { flamegraph: { levels: [{ values: [0, 1, 2] }] } }),
    ],
  ])('rejects %s', (_name, bytes) => {
    expect(() => decodeFlameGraph(bytes)).toThrow(RangeError);
  });

  it('decodes diffs with 7 numbers per node', () => {
    const bytes = encodeTestMessage('DiffResponse', {
      flamegraph: {
        names: ['total'],
        levels: [{ values: [0, 3, 0, 0, 4, 0, 0] }],
        total: 7,
        max_self: 0,
        leftTicks: 3,
        rightTicks: 4,
      },
    });
    expect(decodeFlameGraphDiff(bytes)).toEqual({
      names: ['total'],
      levels: [new Float64Array([0, 3, 0, 0, 4, 0, 0])],
      total: 7,
      maxSelf: 0,
      leftTicks: 3,
      rightTicks: 4,
    });
    expect(() => decodeFlameGraph(bytes)).toThrow(/not a multiple of 4/);
  });
});
