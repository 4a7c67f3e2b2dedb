import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LabelContext } from '../src/labels/LabelContext';
import { ScopeLabeler } from '../src/labels/ScopeLabeler';
import { TimelineSink } from '../src/labels/TimelineSink';

/** A timeline sink on a clock the test sets, and the labeler its batches go to. */
function timeline() {
  let now = 0;
  const sink = new TimelineSink(() => now);
  const labeler = new ScopeLabeler();
  return {
    sink,
    labeler,
    at(us: number): void {
      now = us;
    },
    open(us: number, own: Record<string, string>, parent?: LabelContext): LabelContext {
      now = us;
      const context = new LabelContext(parent, undefined, own);
      sink.open(context);
      return context;
    },
    close(us: number, context: LabelContext): void {
      now = us;
      sink.close(context);
    },
    labelsAt(times: number[]): string[] {
      labeler.apply(sink.drain());
      const { sampleLabelSets, labelSets } = labeler.label(Float64Array.from(times));
      return [...sampleLabelSets].map((set) => labelSets[set]!.map(([k, v]) => `${k}=${v}`).join(','));
    },
  };
}

const A = { span_id: 'aaaaaaaaaaaaaaaa' };
const B = { span_id: 'bbbbbbbbbbbbbbbb' };

describe('TimelineSink and ScopeLabeler (best-effort labels, by time)', () => {
  it('labels samples inside a lone span, not before or after it', () => {
    const t = timeline();
    t.close(200, t.open(100, A));
    assert.deepEqual(t.labelsAt([50, 150, 250]), ['', 'span_id=aaaaaaaaaaaaaaaa', '']);
  });

  it('leaves samples unlabelled while unrelated spans overlap, and labels each while it runs alone', () => {
    const t = timeline();
    const a = t.open(100, A);
    const b = t.open(150, B);
    t.close(300, a);
    t.close(400, b);
    assert.deepEqual(t.labelsAt([120, 200, 350]), ['span_id=aaaaaaaaaaaaaaaa', '', 'span_id=bbbbbbbbbbbbbbbb']);
  });

  it('keeps nothing of a span that never ran alone', () => {
    const t = timeline();
    const a = t.open(100, A);
    const b = t.open(110, B);
    const c = t.open(120, { span_id: 'cccccccccccccccc' });
    t.close(150, b);
    t.close(160, a);
    t.close(170, c);
    const batch = t.sink.drain();
    assert.deepEqual(
      batch.stretches.map((s) => [s.root.pairs[0]![1], s.fromUs, s.untilUs]),
      [
        ['aaaaaaaaaaaaaaaa', 100, 110],
        ['cccccccccccccccc', 160, 170],
      ]
    );
  });

  it('uses the innermost of nested blocks, and the enclosing one when siblings overlap', () => {
    const t = timeline();
    const outer = t.open(100, A);
    const first = t.open(150, { route: 'x' }, outer);
    const second = t.open(250, { route: 'x' }, outer);
    t.close(300, first);
    t.close(350, second);
    t.close(400, outer);
    assert.deepEqual(t.labelsAt([160, 260, 320, 380]), [
      'route=x,span_id=aaaaaaaaaaaaaaaa',
      'span_id=aaaaaaaaaaaaaaaa',
      'route=x,span_id=aaaaaaaaaaaaaaaa',
      'span_id=aaaaaaaaaaaaaaaa',
    ]);
  });

  it('follows a span still open when its window ends into the next window', () => {
    const t = timeline();
    const a = t.open(100, A);
    t.at(200);
    assert.deepEqual(t.labelsAt([150]), ['span_id=aaaaaaaaaaaaaaaa']);
    t.labeler.prune(200);
    t.close(300, a);
    assert.deepEqual(t.labelsAt([250, 350]), ['span_id=aaaaaaaaaaaaaaaa', '']);
  });

  it('treats a span open for more than five minutes as leaked', () => {
    const t = timeline();
    t.open(0, A);
    t.at(301_000_000);
    assert.deepEqual(t.labelsAt([1_000, 301_000_000]), ['span_id=aaaaaaaaaaaaaaaa', '']);
    const b = t.open(301_000_100, B);
    t.close(301_000_200, b);
    assert.deepEqual(t.labelsAt([301_000_150]), ['span_id=bbbbbbbbbbbbbbbb']);
  });

  it('forgets stretches that ended before a pruning time', () => {
    const t = timeline();
    t.close(200, t.open(100, A));
    t.labeler.apply(t.sink.drain());
    t.labeler.prune(300);
    assert.deepEqual(t.labelsAt([150]), ['']);
  });

  it('labels nothing after too many spans in one window', () => {
    const t = timeline();
    for (let i = 0; i < 20_001; i++) {
      t.close(2 * i + 1, t.open(2 * i, A));
    }
    const samples = t.labelsAt([10, 40_001]);
    assert.deepEqual(samples, ['span_id=aaaaaaaaaaaaaaaa', '']);
  });
});
