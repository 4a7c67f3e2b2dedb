import type { Kernel, KernelName } from './types';

export const KERNEL_NAMES: readonly KernelName[] = ['blur', 'sharpen', 'edge'];

/** A `size` × `size` kernel (size odd, 3–9): Gaussian blur, sharpen (identity + Laplacian) or edge detection. */
export function makeKernel(name: KernelName, size: number): Kernel {
  const weights = new Float64Array(size * size);
  const centre = (size - 1) / 2;
  if (name === 'blur') {
    const sigma = size / 4;
    let total = 0;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const weight = Math.exp(-((x - centre) ** 2 + (y - centre) ** 2) / (2 * sigma * sigma));
        weights[y * size + x] = weight;
        total += weight;
      }
    }
    weights.forEach((weight, index) => (weights[index] = weight / total));
  } else {
    weights.fill(-1 / (size * size - 1));
    weights[centre * size + centre] = name === 'sharpen' ? 2 : 1;
  }
  return { name, size, weights };
}
