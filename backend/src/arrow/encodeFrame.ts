import {
  Bool,
  Field as ArrowField,
  Float64,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampNanosecond,
  Uint16,
  Utf8,
  tableToIPC,
  type Data,
  type DataType,
} from 'apache-arrow';
import type { Field, FieldType, Frame } from '../plugin/types';

type Values = Field['values'];

const tstype: Record<FieldType, string> = {
  string: 'string',
  int64: 'number',
  uint16: 'number',
  float64: 'number',
  time: 'time',
  bool: 'boolean',
  enum: 'enum',
};

/**
 * One frame as one Arrow IPC file, the way Grafana's Go SDK reads it (`data.UnmarshalArrowFrame`): explicit
 * column types (Utf8, Int64, Uint16, Float64, Timestamp(ns), Bool, and Uint16 for enums, which the SDK tells
 * by `tstype` enum; never inferred, never Dictionary), the field's nullable flag, schema metadata
 * `name`/`refId`/`meta` and field metadata `tstype`/`labels`/`config` (an enum's texts ride in `config`).
 * Columns are built straight from typed arrays, so a million rows take milliseconds, not builders.
 */
export function encodeFrame(frame: Frame): Uint8Array {
  const length = frame.fields[0]?.values.length ?? 0;
  const fields: ArrowField[] = [];
  const children: Data[] = [];
  for (const field of frame.fields) {
    if (field.values.length !== length) {
      throw new Error(
        `frame ${JSON.stringify(frame.name)}: field ${JSON.stringify(field.name)} has ${field.values.length} values, the first field ${length}`
      );
    }
    const validity = validityBitmap(field.values);
    if (validity && field.nullable === false) {
      throw new Error(
        `frame ${JSON.stringify(frame.name)}: field ${JSON.stringify(field.name)} holds nulls but is not nullable`
      );
    }
    const data = columnData(field, validity);
    const metadata = new Map([['tstype', tstype[field.type]]]);
    if (field.labels && Object.keys(field.labels).length > 0) {
      metadata.set('labels', JSON.stringify(field.labels));
    }
    if (field.config && Object.keys(field.config).length > 0) {
      metadata.set('config', JSON.stringify(field.config));
    }
    fields.push(new ArrowField(field.name, data.type, field.nullable ?? validity !== undefined, metadata));
    children.push(data);
  }

  const metadata = new Map([
    ['name', frame.name],
    ['refId', frame.refId],
  ]);
  if (frame.meta) {
    metadata.set('meta', JSON.stringify(frame.meta));
  }
  const schema = new Schema(fields, metadata);
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length, nullCount: 0, children }));
  return tableToIPC(new Table([batch]), 'file');
}

function columnData(field: Field, nullBitmap: Uint8Array | undefined): Data<DataType> {
  const { values } = field;
  const length = values.length;
  const nullCount = nullBitmap ? length - countBits(nullBitmap, length) : 0;
  const common = { length, nullCount, nullBitmap };
  switch (field.type) {
    case 'string': {
      const { valueOffsets, data } = utf8Column(values);
      return makeData({ type: new Utf8(), valueOffsets, data, ...common });
    }
    case 'int64':
      return makeData({ type: new Int64(), data: int64Column(field.name, values), ...common });
    case 'float64':
      return makeData({ type: new Float64(), data: float64Column(values), ...common });
    case 'time':
      return makeData({ type: new TimestampNanosecond(), data: nanosecondColumn(field.name, values), ...common });
    case 'bool':
      return makeData({ type: new Bool(), data: boolColumn(values), ...common });
    case 'uint16':
    case 'enum':
      return makeData({ type: new Uint16(), data: uint16Column(field, values), ...common });
  }
}

function validityBitmap(values: Values): Uint8Array | undefined {
  if (ArrayBuffer.isView(values)) {
    return undefined;
  }
  let bitmap: Uint8Array | undefined;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) {
      if (!bitmap) {
        bitmap = new Uint8Array((values.length + 7) >> 3).fill(0xff);
      }
      bitmap[i >> 3]! &= ~(1 << (i & 7));
    }
  }
  return bitmap;
}

function countBits(bitmap: Uint8Array, length: number): number {
  let count = 0;
  for (let i = 0; i < length; i++) {
    count += (bitmap[i >> 3]! >> (i & 7)) & 1;
  }
  return count;
}

// UTF-8 bytes of all strings at once (one native join + encode); offsets from per-string byte lengths,
// memoised because label columns repeat a few thousand function names a million times.
function utf8Column(values: Values): { valueOffsets: Int32Array; data: Uint8Array } {
  const length = values.length;
  const strings = new Array<string>(length);
  const valueOffsets = new Int32Array(length + 1);
  const byteLengths = new Map<string, number>();
  let offset = 0;
  for (let i = 0; i < length; i++) {
    const value = values[i];
    const s = value === null || value === undefined ? '' : String(value);
    strings[i] = s;
    let bytes = byteLengths.get(s);
    if (bytes === undefined) {
      bytes = Buffer.byteLength(s, 'utf8');
      byteLengths.set(s, bytes);
    }
    offset += bytes;
    valueOffsets[i + 1] = offset;
  }
  if (offset > 0x7fffffff) {
    throw new Error('a string column holds more than 2 GiB of text');
  }
  return { valueOffsets, data: Buffer.from(strings.join(''), 'utf8') };
}

// Int64 from JS numbers without a BigInt per value: write each value's low and high 32-bit words
// (little-endian, as Arrow IPC and every platform Node runs on are). Exact for safe integers.
function int64Column(name: string, values: Values): BigInt64Array {
  const out = new BigInt64Array(values.length);
  const words = new Uint32Array(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      continue;
    }
    const n = Math.trunc(Number(value));
    if (!Number.isSafeInteger(n)) {
      throw new Error(`int64 field ${JSON.stringify(name)} holds ${String(value)} at row ${i}, not a safe integer`);
    }
    const high = Math.floor(n / 4294967296);
    words[2 * i] = n - high * 4294967296;
    words[2 * i + 1] = high;
  }
  return out;
}

function float64Column(values: Values): Float64Array {
  if (values instanceof Float64Array) {
    return values;
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    out[i] = value === null || value === undefined ? 0 : Number(value);
  }
  return out;
}

function nanosecondColumn(name: string, values: Values): BigInt64Array {
  const out = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      continue;
    }
    const ms = Number(value);
    if (!Number.isFinite(ms)) {
      throw new Error(`time field ${JSON.stringify(name)} holds ${String(value)} at row ${i}, not epoch milliseconds`);
    }
    const whole = Math.floor(ms);
    out[i] = BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1e6));
  }
  return out;
}

function uint16Column({ name, type }: Field, values: Values): Uint16Array {
  if (values instanceof Uint16Array) {
    return values;
  }
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      continue;
    }
    if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffff)) {
      throw new Error(`${type} field ${JSON.stringify(name)} holds ${String(value)} at row ${i}, not 0..65535`);
    }
    out[i] = value;
  }
  return out;
}

function boolColumn(values: Values): Uint8Array {
  const out = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) {
    if (values[i]) {
      out[i >> 3]! |= 1 << (i & 7);
    }
  }
  return out;
}
