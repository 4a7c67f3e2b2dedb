import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { percentile } from '../src/percentile';
import { summarizeLatencies } from '../src/summarizeLatencies';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
  const cases: Array<[number[], number, number]> = [
    [hundred, 50, 50],
    [hundred, 99, 99],
    [hundred, 100, 100],
    [hundred, 0.1, 1],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 75, 3],
    [[1, 2, 3, 4], 76, 4],
    [[7], 99, 7],
  ];
  for (const [values, p, expected] of cases) {
    it(`p${p} of ${values.length} values is ${expected}`, () => assert.equal(percentile(values, p), expected));
  }

  it('is NaN without values', () => assert.ok(Number.isNaN(percentile([], 50))));
});

describe('summarizeLatencies', () => {
  it('reports count, mean, p50/p90/p99 and max of unsorted latencies', () => {
    const latencies = Array.from({ length: 1000 }, (_, index) => ((index * 7919) % 1000) + 1);
    assert.deepEqual(summarizeLatencies(latencies), {
      count: 1000,
      mean: 500.5,
      p50: 500,
      p90: 900,
      p99: 990,
      max: 1000,
    });
  });

  it('rounds to microseconds', () => {
    assert.deepEqual(summarizeLatencies([1.23456, 2.34567]), {
      count: 2,
      mean: 1.79,
      p50: 1.235,
      p90: 2.346,
      p99: 2.346,
      max: 2.346,
    });
  });

  it('reports zeros without latencies', () => {
    assert.deepEqual(summarizeLatencies([]), { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 });
  });
});
