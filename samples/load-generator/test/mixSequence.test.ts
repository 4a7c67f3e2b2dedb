import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { MIXES } from '../src/mixes';
import { mixSequence } from '../src/mixSequence';
import type { MixEntry } from '../src/types';

const entry = (name: string, weight: number): MixEntry => ({ name, method: 'GET', path: `/${name}`, weight });

describe('mixSequence', () => {
  it('spreads the heavier entry evenly through the cycle', () => {
    assert.deepEqual(
      mixSequence([entry('a', 3), entry('b', 1)]).map((item) => item.name),
      ['a', 'a', 'b', 'a']
    );
    assert.deepEqual(
      mixSequence([entry('a', 1), entry('b', 1), entry('c', 2)]).map((item) => item.name),
      ['c', 'a', 'b', 'c']
    );
  });

  it('has each entry exactly `weight` times per cycle, and any stretch keeps the proportions', () => {
    const sequence = mixSequence(MIXES.standard!);
    assert.equal(sequence.length, 100);
    for (const mixEntry of MIXES.standard!) {
      assert.equal(sequence.filter((item) => item.name === mixEntry.name).length, mixEntry.weight);
      // Any 20 requests in a row (wrapping around) hold the entry's share of 20, give or take one.
      for (let start = 0; start < 100; start++) {
        const stretch = Array.from({ length: 20 }, (_, offset) => sequence[(start + offset) % 100]!);
        const count = stretch.filter((item) => item.name === mixEntry.name).length;
        assert.ok(
          Math.abs(count - (mixEntry.weight * 20) / 100) <= 1.5,
          `${mixEntry.name}: ${count} in 20 from ${start}`
        );
      }
    }
  });

  it('skips entries of weight 0', () => {
    assert.deepEqual(
      mixSequence([entry('a', 0), entry('b', 2)]).map((item) => item.name),
      ['b', 'b']
    );
  });

  it('refuses mixes without weight', () => {
    assert.throws(() => mixSequence([]), /at least one entry/);
    assert.throws(() => mixSequence([entry('a', 0)]), /not all 0/);
    assert.throws(() => mixSequence([entry('a', 1.5)]), /whole/);
  });
});
