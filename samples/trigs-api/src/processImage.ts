import type { Tracer } from '@opentelemetry/api';

import { convolveImage } from './convolveImage';
import { HttpError } from './HttpError';
import { inChildSpan } from './inChildSpan';
import { KERNEL_NAMES, makeKernel } from './makeKernel';
import { makeSyntheticImage } from './makeSyntheticImage';
import { readIntParam } from './readIntParam';
import { summarizeImage } from './summarizeImage';
import type { ImageSummary, KernelName } from './types';

export type ImageJob = {
  width?: unknown;
  height?: unknown;
  size?: unknown;
  kernel?: unknown;
  kernelSize?: unknown;
  passes?: unknown;
  seed?: unknown;
};

/**
 * The image endpoint's work, shared by its GET and POST forms: a synthetic picture (sides 8–1024, `size` sets
 * both) run through `passes` (1–5) convolutions with a `kernelSize` (3, 5, 7 or 9) blur, sharpen or edge kernel.
 */
export function processImage(
  job: ImageJob,
  tracer: Tracer
): ImageSummary & { kernel: KernelName; kernelSize: number; passes: number } {
  const size = readIntParam(job.size, 'size', 128, 8, 1024);
  const width = readIntParam(job.width, 'width', size, 8, 1024);
  const height = readIntParam(job.height, 'height', size, 8, 1024);
  const kernelSize = readIntParam(job.kernelSize, 'kernelSize', 5, 3, 9);
  if (kernelSize % 2 === 0) {
    throw new HttpError(400, `kernelSize must be odd (3, 5, 7 or 9), got ${kernelSize}`);
  }
  const passes = readIntParam(job.passes, 'passes', 1, 1, 5);
  const seed = readIntParam(job.seed, 'seed', 1, 1, 2 ** 31 - 1);
  const kernelName = job.kernel ?? 'blur';
  if (!KERNEL_NAMES.includes(kernelName as KernelName)) {
    throw new HttpError(400, `kernel must be one of ${KERNEL_NAMES.join(', ')}, got ${JSON.stringify(kernelName)}`);
  }
  const kernel = makeKernel(kernelName as KernelName, kernelSize);
  let image = inChildSpan(tracer, 'makeSyntheticImage', makeSyntheticImage, width, height, seed);
  for (let pass = 0; pass < passes; pass++) {
    image = inChildSpan(tracer, 'convolveImage', convolveImage, image, kernel);
  }
  const summary = inChildSpan(tracer, 'summarizeImage', summarizeImage, image);
  return { ...summary, kernel: kernel.name, kernelSize, passes };
}
