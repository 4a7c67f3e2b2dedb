import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ScopeLabeler } from '../src/labels/ScopeLabeler';

const A = [['span_id', 'aaaaaaaaaaaaaaaa']] as Array<[string, string]>;
const B = [['span_id', 'bbbbbbbbbbbbbbbb']] as Array<[string, string]>;
const AL = [...A, ['route', 'x']] as Array<[string, string]>;

function labelsAt(labeler: ScopeLabeler, times: number[]): string[] {
  const { sampleLabelSets, labelSets } = labeler.label(Float64Array.from(times));
  return [...sampleLabelSets].map((set) => labelSets[set]!.map(([k, v]) => `${k}=${v}`).join(','));
}

describe('ScopeLabeler (best-effort, by time)', () => {
  it('labels samples inside a lone scope, not before or after it', () => {
    const labeler = new ScopeLabeler();
    labeler.apply({ opened: [{ id: 1, parent: 0, startUs: 100, pairs: A }], closed: [{ id: 1, endUs: 200 }] });
    assert.deepEqual(labelsAt(labeler, [50, 150, 250]), ['', 'span_id=aaaaaaaaaaaaaaaa', '']);
  });

  it('leaves samples unlabelled while unrelated scopes overlap', () => {
    const labeler = new ScopeLabeler();
    labeler.apply({
      opened: [
        { id: 1, parent: 0, startUs: 100, pairs: A },
        { id: 2, parent: 0, startUs: 150, pairs: B },
      ],
      closed: [
        { id: 1, endUs: 300 },
        { id: 2, endUs: 400 },
      ],
    });
    assert.deepEqual(labelsAt(labeler, [120, 200, 350]), ['span_id=aaaaaaaaaaaaaaaa', '', 'span_id=bbbbbbbbbbbbbbbb']);
  });

  it('uses the innermost of nested scopes, and the enclosing one when siblings overlap', () => {
    const labeler = new ScopeLabeler();
    labeler.apply({
      opened: [
        { id: 1, parent: 0, startUs: 100, pairs: A },
        { id: 2, parent: 1, startUs: 150, pairs: AL },
        { id: 3, parent: 1, startUs: 250, pairs: AL },
      ],
      closed: [
        { id: 2, endUs: 300 },
        { id: 3, endUs: 350 },
        { id: 1, endUs: 400 },
      ],
    });
    assert.deepEqual(labelsAt(labeler, [160, 260, 320, 380]), [
      'span_id=aaaaaaaaaaaaaaaa,route=x',
      'span_id=aaaaaaaaaaaaaaaa',
      'span_id=aaaaaaaaaaaaaaaa,route=x',
      'span_id=aaaaaaaaaaaaaaaa',
    ]);
  });

  it('labels nothing after the scope buffer overflowed', () => {
    const labeler = new ScopeLabeler();
    labeler.apply({ opened: [{ id: 1, parent: 0, startUs: 100, pairs: A }], closed: [], overflowFromUs: 200 });
    assert.deepEqual(labelsAt(labeler, [150, 250]), ['span_id=aaaaaaaaaaaaaaaa', '']);
  });
});
