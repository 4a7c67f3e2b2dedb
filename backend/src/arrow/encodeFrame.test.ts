import { tableFromIPC, TimeUnit, Type } from 'apache-arrow';
import { flameGraphToFrame } from '../frames/flameGraphToFrame';
import { frameLabels } from '../frames/frameLabels';
import { syntheticFlameGraph } from '../frames/syntheticFlameGraph';
import type { Frame } from '../plugin/types';
import { encodeFrame } from './encodeFrame';

const frame: Frame = {
  name: 'series',
  refId: 'A',
  meta: { preferredVisualisationType: 'graph', notices: [{ severity: 'info', text: 'hello' }] },
  fields: [
    { name: 'time', type: 'time', values: [1767225600000, 1767225615000.5] },
    { name: 'label', type: 'string', values: ['main', 'ü€😀'] },
    { name: 'count', type: 'int64', values: [-9007199254740991, 9007199254740991] },
    {
      name: 'value',
      type: 'float64',
      values: new Float64Array([1.5, -2.25]),
      labels: { service_name: 'checkout', 'service.version': '1"2' },
      config: { unit: 'cores', displayNameFromDS: 'checkout' },
    },
    { name: 'ok', type: 'bool', values: [true, false] },
  ],
};

describe('encodeFrame', () => {
  it('writes an Arrow IPC file (ARROW1 magic at both ends), not a stream', () => {
    const bytes = encodeFrame(frame);
    const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');
    expect(text(bytes.subarray(0, 6))).toBe('ARROW1');
    expect(text(bytes.subarray(bytes.length - 6))).toBe('ARROW1');
  });

  it('declares every column type explicitly, timestamps in nanoseconds without a time zone', () => {
    const table = tableFromIPC(encodeFrame(frame));
    const types = table.schema.fields.map((f) => [f.name, Type[f.typeId], f.nullable]);
    expect(types).toEqual([
      ['time', 'Timestamp', false],
      ['label', 'Utf8', false],
      ['count', 'Int', false],
      ['value', 'Float', false],
      ['ok', 'Bool', false],
    ]);
    const [time, , count, value] = table.schema.fields;
    expect(time!.type).toMatchObject({ unit: TimeUnit.NANOSECOND, timezone: null });
    expect(count!.type).toMatchObject({ bitWidth: 64, isSigned: true });
    expect(value!.type).toMatchObject({ precision: 2 });
  });

  it('keeps the values: ms → ns exactly, int64 at the safe-integer limits, UTF-8 text', () => {
    const table = tableFromIPC(encodeFrame(frame));
    expect(Array.from(table.getChild('time')!.data[0]!.values as BigInt64Array)).toEqual([
      1767225600000000000n,
      1767225615000500000n,
    ]);
    expect(table.getChild('label')!.toArray()).toEqual(['main', 'ü€😀']);
    expect(Array.from(table.getChild('count')!.toArray() as BigInt64Array)).toEqual([
      -9007199254740991n,
      9007199254740991n,
    ]);
    expect(Array.from(table.getChild('value')!.toArray() as Float64Array)).toEqual([1.5, -2.25]);
    expect(table.getChild('ok')!.toArray()).toEqual([true, false]);
  });

  it('puts name, refId and meta on the schema and tstype, labels, config on the fields', () => {
    const table = tableFromIPC(encodeFrame(frame));
    expect(Object.fromEntries(table.schema.metadata)).toEqual({
      name: 'series',
      refId: 'A',
      meta: JSON.stringify(frame.meta),
    });
    const metadata = Object.fromEntries(table.schema.fields.map((f) => [f.name, Object.fromEntries(f.metadata)]));
    expect(metadata).toEqual({
      time: { tstype: 'time' },
      label: { tstype: 'string' },
      count: { tstype: 'number' },
      value: {
        tstype: 'number',
        labels: '{"service_name":"checkout","service.version":"1\\"2"}',
        config: '{"unit":"cores","displayNameFromDS":"checkout"}',
      },
      ok: { tstype: 'boolean' },
    });
  });

  it('leaves meta out when the frame has none', () => {
    const table = tableFromIPC(encodeFrame({ name: '', refId: 'B', fields: [] }));
    expect(Object.fromEntries(table.schema.metadata)).toEqual({ name: '', refId: 'B' });
    expect(table.numRows).toBe(0);
  });

  it('marks columns with nulls nullable and writes validity bitmaps', () => {
    const table = tableFromIPC(
      encodeFrame({
        name: 'n',
        refId: 'A',
        fields: [
          { name: 't', type: 'time', values: [null, 1000] },
          { name: 's', type: 'string', values: ['a', null] },
          { name: 'i', type: 'int64', values: [null, 7] },
          { name: 'f', type: 'float64', values: [2, null] },
          { name: 'b', type: 'bool', values: [null, true] },
          { name: 'declared', type: 'float64', values: [1, 2], nullable: true },
        ],
      })
    );
    expect(table.schema.fields.map((f) => f.nullable)).toEqual([true, true, true, true, true, true]);
    // apache-arrow reads timestamps back as epoch ms; the stored nanoseconds are checked above.
    expect(table.toArray().map((row) => row.toJSON())).toEqual([
      { t: null, s: 'a', i: null, f: 2, b: null, declared: 1 },
      { t: 1000, s: null, i: 7n, f: null, b: true, declared: 2 },
    ]);
  });

  it('never lets strings become a Dictionary, even for a million repeated labels', () => {
    const labels = Array.from({ length: 1 << 20 }, (_, i) => `function${i % 4096}`);
    const table = tableFromIPC(
      encodeFrame({ name: 'big', refId: 'A', fields: [{ name: 'label', type: 'string', values: labels }] })
    );
    expect(table.numRows).toBe(1 << 20);
    expect(table.schema.fields.map((f) => Type[f.typeId])).toEqual(['Utf8']);
    const decoded = table.getChild('label')!;
    for (const row of [0, 1, 12345, (1 << 20) - 1]) {
      expect(decoded.get(row)).toBe(labels[row]);
    }
  });

  it('writes a uint16 as Arrow Uint16 with tstype number', () => {
    const table = tableFromIPC(
      encodeFrame({ name: 'u', refId: 'A', fields: [{ name: 'level', type: 'uint16', values: [0, 1, 65535] }] })
    );
    expect(table.schema.fields[0]!.type).toEqual(expect.objectContaining({ bitWidth: 16, isSigned: false }));
    expect(Object.fromEntries(table.schema.fields[0]!.metadata)).toEqual({ tstype: 'number' });
    expect(Array.from(table.getChild('level')!.toArray() as Uint16Array)).toEqual([0, 1, 65535]);
  });

  it('writes an enum as Uint16 indexes with tstype enum and its texts in the field config', () => {
    const table = tableFromIPC(
      encodeFrame({
        name: 'e',
        refId: 'A',
        fields: [
          { name: 'plain', type: 'enum', values: [2, 0, 65535] },
          {
            name: 'typed',
            type: 'enum',
            values: new Uint16Array([1, 0, 1]),
            config: { type: { enum: { text: ['a', 'b'] } } },
          },
        ],
      })
    );
    expect(table.schema.fields.map((f) => [f.name, Type[f.typeId], f.type])).toEqual([
      ['plain', 'Int', expect.objectContaining({ bitWidth: 16, isSigned: false })],
      ['typed', 'Int', expect.objectContaining({ bitWidth: 16, isSigned: false })],
    ]);
    expect(Array.from(table.getChild('plain')!.toArray() as Uint16Array)).toEqual([2, 0, 65535]);
    expect(Array.from(table.getChild('typed')!.toArray() as Uint16Array)).toEqual([1, 0, 1]);
    const metadata = Object.fromEntries(table.schema.fields.map((f) => [f.name, Object.fromEntries(f.metadata)]));
    expect(metadata).toEqual({
      plain: { tstype: 'enum' },
      typed: { tstype: 'enum', config: '{"type":{"enum":{"text":["a","b"]}}}' },
    });
  });

  it('encodes a million-node flame graph with its labels as an enum', () => {
    const big = flameGraphToFrame(syntheticFlameGraph(1 << 20), 'process_cpu:cpu:nanoseconds:cpu:nanoseconds', 'A');
    const table = tableFromIPC(encodeFrame(big));
    expect(table.numRows).toBe(1 << 20);
    expect(table.schema.fields.map((f) => Type[f.typeId])).toEqual(['Int', 'Int', 'Int', 'Int']);
    const texts = (
      JSON.parse(table.schema.fields[0]!.metadata.get('config')!) as { type: { enum: { text: string[] } } }
    ).type.enum.text;
    const labels = frameLabels(big);
    for (const row of [0, 1, 12345, (1 << 20) - 1]) {
      expect(texts[table.getChild('label')!.get(row) as number]).toBe(labels[row]);
      expect(table.getChild('value')!.get(row)).toBe(BigInt(big.fields[2]!.values[row] as number));
    }
  });

  it.each([
    [
      'fields of different lengths',
      [
        { name: 'a', type: 'int64', values: [1, 2] },
        { name: 'b', type: 'int64', values: [1] },
      ],
      'field "b" has 1 values, the first field 2',
    ],
    [
      'nulls in a field declared not nullable',
      [{ name: 'a', type: 'int64', values: [null], nullable: false }],
      'holds nulls',
    ],
    ['an int64 beyond 2^53', [{ name: 'a', type: 'int64', values: [2 ** 60] }], 'not a safe integer'],
    ['a time that is no number', [{ name: 't', type: 'time', values: [Number.NaN] }], 'not epoch milliseconds'],
    ['an enum index past Uint16', [{ name: 'e', type: 'enum', values: [65536] }], 'enum field "e" holds 65536'],
    ['an enum index that is no integer', [{ name: 'e', type: 'enum', values: [1.5] }], 'not 0..65535'],
    ['a negative uint16', [{ name: 'u', type: 'uint16', values: [-1] }], 'uint16 field "u" holds -1 at row 0'],
  ] as Array<[string, Frame['fields'], string]>)('refuses %s', (_case, fields, message) => {
    expect(() => encodeFrame({ name: 'x', refId: 'A', fields })).toThrow(message);
  });
});
