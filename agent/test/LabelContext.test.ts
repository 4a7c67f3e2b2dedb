import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LabelContext } from '../src/labels/LabelContext';

describe('LabelContext', () => {
  it("merges its parent's labels and its own, own ones winning, sorted by key", () => {
    const parent = new LabelContext(undefined, undefined, { tenant: 'a', route: '/x' });
    const child = new LabelContext(parent, undefined, { tenant: 'b', batch: 3 });
    assert.deepEqual(child.pairs, [
      ['batch', '3'],
      ['route', '/x'],
      ['tenant', 'b'],
    ]);
    assert.deepEqual(parent.pairs, [
      ['route', '/x'],
      ['tenant', 'a'],
    ]);
    assert.equal(child.parent, parent);
    assert.equal(child.depth, 1);
    assert.equal(parent.depth, 0);
  });

  it("inherits the labels it is given instead of its parent's", () => {
    const parent = new LabelContext(undefined, undefined, { tenant: 'a', span_id: 'bbbbbbbbbbbbbbbb' });
    const root = new LabelContext(undefined, [['tenant', 'a']], { span_id: 'aaaaaaaaaaaaaaaa' });
    const nested = new LabelContext(parent, [['tier', 'gold']], { batch: 1 });
    assert.deepEqual(root.pairs, [
      ['span_id', 'aaaaaaaaaaaaaaaa'],
      ['tenant', 'a'],
    ]);
    assert.deepEqual(nested.pairs, [
      ['batch', '1'],
      ['tier', 'gold'],
    ]);
  });

  it('builds its pairs once and returns the same array after', () => {
    const context = new LabelContext(undefined, undefined, { span_id: 'aaaaaaaaaaaaaaaa' });
    assert.equal(context.pairs, context.pairs);
  });

  it('is open until it has an end time', () => {
    const context = new LabelContext(undefined, undefined, {});
    assert.equal(context.closed, false);
    context.endUs = 5;
    assert.equal(context.closed, true);
  });
});
