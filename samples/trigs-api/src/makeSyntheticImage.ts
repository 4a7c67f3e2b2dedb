import type { Image } from './types';

/** A deterministic RGBA test picture (gradients plus xorshift noise), so every request of a size does equal work. */
export function makeSyntheticImage(width: number, height: number, seed = 1): Image {
  const data = new Uint8ClampedArray(width * height * 4);
  // Built before the loop, for the reason given in convolveImage.
  const image: Image = { width, height, data };
  let state = seed >>> 0 || 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const noise = (state >>> 0) & 31;
      const offset = (y * width + x) * 4;
      data[offset] = ((x * 255) / width + noise) | 0;
      data[offset + 1] = ((y * 255) / height + noise) | 0;
      data[offset + 2] = (((x + y) * 127) / (width + height) + noise * 2) | 0;
      data[offset + 3] = 255;
    }
  }
  return image;
}
