import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildTrigRecords } from '../src/buildTrigRecords';
import { convolveImage } from '../src/convolveImage';
import { findDuplicateIdsSlowly } from '../src/findDuplicateIdsSlowly';
import { loadReportIds } from '../src/loadReportIds';
import { makeKernel } from '../src/makeKernel';
import { makeSyntheticImage } from '../src/makeSyntheticImage';
import { serializeTrigs } from '../src/serializeTrigs';
import { summarizeImage } from '../src/summarizeImage';
import type { Image, Kernel } from '../src/types';

// The plain clamped convolution, to check convolveImage's interior fast path against.
function referenceConvolution({ width, height, data }: Image, { size, weights }: Kernel): Uint8ClampedArray {
  const out = new Uint8ClampedArray(data.length);
  const radius = (size - 1) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let channel = 0; channel < 3; channel++) {
        let sum = 0;
        for (let ky = 0; ky < size; ky++) {
          for (let kx = 0; kx < size; kx++) {
            const sy = Math.min(height - 1, Math.max(0, y + ky - radius));
            const sx = Math.min(width - 1, Math.max(0, x + kx - radius));
            sum += data[(sy * width + sx) * 4 + channel]! * weights[ky * size + kx]!;
          }
        }
        out[(y * width + x) * 4 + channel] = sum;
      }
      out[(y * width + x) * 4 + 3] = data[(y * width + x) * 4 + 3]!;
    }
  }
  return out;
}

describe('buildTrigRecords', () => {
  it('builds deterministic records with the trig values of their angle', () => {
    const records = buildTrigRecords(5, 4);
    assert.deepEqual(buildTrigRecords(5, 4), records);
    const thirty = records[0]!;
    assert.equal(thirty.id, 'trig-000004');
    assert.equal(thirty.angle.degrees, 30);
    assert.equal(thirty.ratios.sin, 0.5);
    assert.equal(thirty.angle.quadrant, 1);
    assert.equal(thirty.triangle.opposite, round(5 * 0.5));
  });

  it('answers null for undefined ratios instead of Infinity', () => {
    const ninety = buildTrigRecords(1, 12)[0]!;
    assert.equal(ninety.angle.degrees, 90);
    assert.equal(ninety.ratios.tan, null);
    assert.equal(ninety.ratios.sec, null);
    assert.equal(JSON.parse(serializeTrigs([ninety], 1, 12)).items[0].ratios.tan, null);
  });

  it('serializes 1,000 records to a few hundred KB', () => {
    const json = serializeTrigs(buildTrigRecords(1000), 1000, 0);
    assert.ok(json.length > 200_000 && json.length < 600_000, `${json.length} bytes`);
    assert.equal(JSON.parse(json).count, 1000);
  });
});

describe('convolveImage', () => {
  for (const [name, size] of [
    ['blur', 3],
    ['blur', 5],
    ['sharpen', 3],
    ['edge', 7],
  ] as const) {
    it(`matches the plain clamped convolution for a ${size}×${size} ${name} kernel`, () => {
      const image = makeSyntheticImage(23, 17, 7);
      const kernel = makeKernel(name, size);
      assert.deepEqual(convolveImage(image, kernel).data, referenceConvolution(image, kernel));
    });
  }

  it('keeps a flat image flat under blur and leaves the input alone', () => {
    const data = new Uint8ClampedArray(16 * 16 * 4).fill(100);
    const image = { width: 16, height: 16, data };
    const blurred = convolveImage(image, makeKernel('blur', 5));
    assert.ok(blurred.data.every((value, index) => (index % 4 === 3 ? value === 100 : Math.abs(value - 100) <= 1)));
    assert.ok(data.every((value) => value === 100));
  });

  it('gives the same checksum for the same job', () => {
    const kernel = makeKernel('blur', 5);
    const first = summarizeImage(convolveImage(makeSyntheticImage(64, 64), kernel));
    const second = summarizeImage(convolveImage(makeSyntheticImage(64, 64), kernel));
    assert.deepEqual(first, second);
    assert.match(first.checksum, /^[0-9a-f]{8}$/);
  });
});

describe('makeKernel', () => {
  for (const size of [3, 5, 7, 9]) {
    it(`normalises a ${size}×${size} blur to a total weight of 1`, () => {
      const total = makeKernel('blur', size).weights.reduce((sum, weight) => sum + weight, 0);
      assert.ok(Math.abs(total - 1) < 1e-9);
    });
  }
});

describe('findDuplicateIdsSlowly', () => {
  it('finds every repeated id, how often and where first, like a Map would', () => {
    const ids = [5, 1, 5, 2, 3, 2, 5, 9];
    assert.deepEqual(findDuplicateIdsSlowly(ids), [
      { id: 5, count: 3, firstIndex: 0 },
      { id: 2, count: 2, firstIndex: 3 },
    ]);
  });

  it('finds one duplicate per `duplicateEvery` report ids', () => {
    const duplicates = findDuplicateIdsSlowly(loadReportIds(1000, 50));
    assert.equal(duplicates.length, 20);
    assert.ok(duplicates.every((duplicate) => duplicate.count === 2));
  });

  it('answers nothing for distinct ids', () => {
    assert.deepEqual(findDuplicateIdsSlowly([1, 2, 3]), []);
  });
});

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
