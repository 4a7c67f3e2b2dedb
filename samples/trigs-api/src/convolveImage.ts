import type { Image, Kernel } from './types';

/**
 * One pass of a 2-D convolution over the RGB channels, edges clamped, alpha kept: the image endpoint's CPU
 * burner. Interior pixels take a fast path without clamping; border pixels clamp. Every loop is inside this
 * one function on purpose: its self time is its total time in a flame graph, so the standard load mix can be
 * tuned to make it about half of the app's CPU samples. (V8 inlines it into `processImage`; V8's CPU profiler
 * still names it, from its code map's inlining records.)
 */
export function convolveImage(image: Image, kernel: Kernel): Image {
  const { width, height, data } = image;
  const { size, weights } = kernel;
  const radius = (size - 1) / 2;
  const out = new Uint8ClampedArray(data.length);
  // Built before the loops: code that V8 optimises mid-loop (OSR) must meet nothing untried after them, or
  // on Node 20 it can deoptimise again on every call.
  const result: Image = { width, height, data: out };
  for (let y = 0; y < height; y++) {
    const interiorRow = y >= radius && y < height - radius;
    for (let x = 0; x < width; x++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      if (interiorRow && x >= radius && x < width - radius) {
        let weightIndex = 0;
        for (let ky = 0; ky < size; ky++) {
          let source = ((y + ky - radius) * width + (x - radius)) * 4;
          for (let kx = 0; kx < size; kx++) {
            const weight = weights[weightIndex++]!;
            red += data[source]! * weight;
            green += data[source + 1]! * weight;
            blue += data[source + 2]! * weight;
            source += 4;
          }
        }
      } else {
        for (let ky = 0; ky < size; ky++) {
          const sy = Math.min(height - 1, Math.max(0, y + ky - radius));
          for (let kx = 0; kx < size; kx++) {
            const sx = Math.min(width - 1, Math.max(0, x + kx - radius));
            const weight = weights[ky * size + kx]!;
            const source = (sy * width + sx) * 4;
            red += data[source]! * weight;
            green += data[source + 1]! * weight;
            blue += data[source + 2]! * weight;
          }
        }
      }
      const target = (y * width + x) * 4;
      out[target] = red;
      out[target + 1] = green;
      out[target + 2] = blue;
      out[target + 3] = data[target + 3]!;
    }
  }
  return result;
}
