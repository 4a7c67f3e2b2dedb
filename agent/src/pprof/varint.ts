/** Bytes of `value` (a non-negative integer below 2^53) as a protobuf varint. */
export function varintSize(value: number): number {
  let size = 1;
  for (let rest = value; rest >= 128; rest = Math.floor(rest / 128)) {
    size++;
  }
  return size;
}

/** Writes `value` as a protobuf varint at `offset`; returns the offset after it. Arithmetic, not bitwise: nanosecond sums pass 2^31. */
export function writeVarint(buffer: Uint8Array, offset: number, value: number): number {
  let rest = value;
  while (rest >= 128) {
    buffer[offset++] = (rest % 128) | 128;
    rest = Math.floor(rest / 128);
  }
  buffer[offset++] = rest;
  return offset;
}
