import { isAscii } from 'node:buffer';

/** A length-delimited field's [start, end) in the reader's bytes. */
export type StringRange = [number, number];

/**
 * A minimal protobuf wire-format reader for the few Pyroscope answers decoded by hand (flame graphs:
 * up to 4 million packed int64s). protobufjs' reflection would allocate a Long per int64; this reads
 * varints straight into numbers (exact up to 2^53, which covers every total Pyroscope can produce).
 */
export class ProtoReader {
  pos: number;
  readonly end: number;
  private readonly buf: Buffer;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    this.buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = start;
    this.end = end;
  }

  done(): boolean {
    return this.pos >= this.end;
  }

  /** Reads a tag; returns field number * 8 + wire type, as on the wire. */
  tag(): number {
    return this.int64();
  }

  int64(): number {
    const buf = this.buf;
    let p = this.pos;
    let b = buf[p++]!;
    let value = b & 0x7f;
    let scale = 128;
    // At most 10 bytes; an out-of-range read yields undefined, which never ends the loop early.
    for (let i = 1; b >= 0x80 || b === undefined; i++) {
      if (i === 10) {
        throw new RangeError('malformed protobuf varint');
      }
      b = buf[p++]!;
      value += (b & 0x7f) * scale;
      scale *= 128;
      if (i === 9 && b < 0x80) {
        // Ten bytes: a negative int64 in two's complement.
        value = this.slowInt64(this.pos);
      }
    }
    if (p > this.end) {
      throw new RangeError('truncated protobuf message');
    }
    this.pos = p;
    return value;
  }

  /** Length-delimited field: returns [start, end) and moves past it. */
  private delimited(): [number, number] {
    const length = this.int64();
    const start = this.pos;
    const end = start + length;
    if (length < 0 || end > this.end) {
      throw new RangeError('truncated protobuf message');
    }
    this.pos = end;
    return [start, end];
  }

  /** A reader over an embedded message field. */
  message(): ProtoReader {
    const [start, end] = this.delimited();
    return new ProtoReader(this.buf, start, end);
  }

  /** A string field's bytes, left undecoded for `strings`. */
  stringRange(): StringRange {
    return this.delimited();
  }

  /**
   * Decodes many string fields at once. A flame graph has thousands of names, and a native decode per name
   * costs more than the text itself: when the bytes from the first to the last name are all ASCII, one
   * decode of that span and a substring per name do the job.
   */
  strings(ranges: readonly StringRange[]): string[] {
    const first = ranges[0]?.[0] ?? 0;
    const last = ranges[ranges.length - 1]?.[1] ?? 0;
    if (isAscii(this.buf.subarray(first, last))) {
      const text = this.buf.toString('latin1', first, last);
      return ranges.map(([start, end]) => text.substring(start - first, end - first));
    }
    return ranges.map(([start, end]) => this.buf.toString('utf8', start, end));
  }

  /** The next entry of a repeated int64 field, packed or not, as a reader of its varints. */
  int64Run(wireType: number): ProtoReader {
    if (wireType !== 0) {
      return this.message();
    }
    const start = this.pos;
    this.int64();
    return new ProtoReader(this.buf, start, this.pos);
  }

  /** Reads every varint left into `out` from index `k`; returns the index after the last one. */
  int64sInto(out: Float64Array, k: number): number {
    const buf = this.buf;
    const end = this.end;
    let i = k;
    while (this.pos < end) {
      const b = buf[this.pos]!;
      // Flame graph levels are full of one-byte varints (zero offsets and selves, small name indexes).
      if (b < 0x80) {
        out[i++] = b;
        this.pos++;
      } else {
        out[i++] = this.int64();
      }
    }
    return i;
  }

  /** The number of varints left (every varint ends with a byte below 0x80), to size an array once. */
  varintCount(): number {
    const buf = this.buf;
    let count = 0;
    for (let i = this.pos; i < this.end; i++) {
      if (buf[i]! < 0x80) {
        count++;
      }
    }
    return count;
  }

  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        this.int64();
        return;
      case 1:
        this.advance(8);
        return;
      case 2:
        this.delimited();
        return;
      case 5:
        this.advance(4);
        return;
      default:
        throw new RangeError(`unsupported protobuf wire type ${wireType}`);
    }
  }

  private advance(bytes: number): void {
    if (this.pos + bytes > this.end) {
      throw new RangeError('truncated protobuf message');
    }
    this.pos += bytes;
  }

  private slowInt64(start: number): number {
    let value = 0n;
    for (let i = 0; i < 10; i++) {
      value |= BigInt(this.buf[start + i]! & 0x7f) << BigInt(7 * i);
    }
    return Number(BigInt.asIntN(64, value));
  }
}
