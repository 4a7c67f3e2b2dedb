import type { Field } from '../plugin/types';

/** Depths fit Uint16 in every real profile (a quarter of int64's bytes on the wire); deeper ones stay int64. */
export function levelField(level: Int32Array): Field {
  let deepest = 0;
  for (const depth of level) {
    deepest = Math.max(deepest, depth);
  }
  return deepest <= 0xffff
    ? { name: 'level', type: 'uint16', values: new Uint16Array(level) }
    : { name: 'level', type: 'int64', values: level };
}
