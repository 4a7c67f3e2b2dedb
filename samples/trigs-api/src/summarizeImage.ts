import type { Image, ImageSummary } from './types';

/** A small answer for a processed image: its size and an FNV-1a checksum over its pixels. */
export function summarizeImage(image: Image): ImageSummary {
  return {
    width: image.width,
    height: image.height,
    checksum: (fnv1aPixels(image.data) >>> 0).toString(16).padStart(8, '0'),
  };
}

// The loop lives in its own function that returns a plain number, on purpose: V8 optimises a long loop
// mid-call (OSR) before the code after it has ever run, and on Node 20 such code that then meets an untried
// operation after the loop (even building the result object) deoptimises again on every later call.
function fnv1aPixels(data: Uint8ClampedArray): number {
  const pixels = new Uint32Array(data.buffer, data.byteOffset, data.length >> 2);
  let hash = 0x811c9dc5;
  for (let index = 0; index < pixels.length; index++) {
    hash = Math.imul(hash ^ pixels[index]!, 0x01000193);
  }
  return hash;
}
