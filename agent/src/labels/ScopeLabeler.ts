import type { LabelPairs } from '../pprof/FlatProfile';
import type { LabelContext } from './LabelContext';
import type { ScopeBatch, SoloStretch } from './ScopeBatch';
import { MAX_OPEN_US } from './TimelineSink';

/**
 * Best-effort sample labels from the label timeline. A sample at time t gets labels only inside a stretch
 * where one outermost context was the only one open: those of the deepest context of that chain open at t
 * whose labels every open context of the chain carries (the span, or a `withLabels` block inside it). While
 * unrelated contexts overlap (concurrent requests) samples get none: they are never given the labels of a
 * request that was not running at that instant.
 */
export class ScopeLabeler {
  /** Stretches and nested contexts that may still own samples, each in time order. */
  private stretches: SoloStretch[] = [];
  private nested: LabelContext[] = [];
  private overflows: number[] = [];

  apply(batch: ScopeBatch): void {
    this.stretches.push(...batch.stretches);
    this.nested.push(...batch.nested);
    if (batch.overflowFromUs !== undefined) {
      this.overflows.push(batch.overflowFromUs);
    }
  }

  /** Label set per sample time (ascending), and the label sets (0 = none). */
  label(times: Float64Array): { sampleLabelSets: Int32Array; labelSets: LabelPairs[] } {
    const sampleLabelSets = new Int32Array(times.length);
    const labelSets: LabelPairs[] = [[]];
    if (times.length === 0 || this.stretches.length === 0) {
      return { sampleLabelSets, labelSets };
    }
    const first = times[0]!;
    const last = times[times.length - 1]!;
    const stretches = this.stretches.filter((s) => s.fromUs <= last && untilOf(s) >= first);
    const nested = this.nested.filter((c) => c.startUs <= last && endOf(c) >= first);
    const overflowFrom = this.overflows.find((t) => t <= last && t >= first - MAX_OPEN_US) ?? Infinity;
    const setOf = new Map<LabelContext, number>();
    let stretch = 0;
    let root: LabelContext | undefined;
    let active: LabelContext[] = [];
    let next = 0;
    let cached = 0;
    let dirty = true;
    for (let i = 0; i < times.length; i++) {
      const t = times[i]!;
      while (stretch < stretches.length && untilOf(stretches[stretch]!) < t) {
        stretch++;
      }
      const current = stretches[stretch];
      const owner = current !== undefined && current.fromUs <= t ? current.root : undefined;
      if (owner !== root) {
        root = owner;
        dirty = true;
      }
      while (next < nested.length && nested[next]!.startUs <= t) {
        active.push(nested[next++]!);
        dirty = true;
      }
      if (active.some((c) => endOf(c) < t)) {
        active = active.filter((c) => endOf(c) >= t);
        dirty = true;
      }
      if (t >= overflowFrom) {
        continue;
      }
      if (dirty) {
        const labelled = root === undefined ? undefined : commonScope(root, active);
        if (labelled === undefined) {
          cached = 0;
        } else {
          let set = setOf.get(labelled);
          if (set === undefined) {
            set = labelSets.length;
            labelSets.push(labelled.pairs);
            setOf.set(labelled, set);
          }
          cached = set;
        }
        dirty = false;
      }
      sampleLabelSets[i] = cached;
    }
    return { sampleLabelSets, labelSets };
  }

  /** Forgets what ended before `us`. */
  prune(us: number): void {
    this.stretches = this.stretches.filter((s) => untilOf(s) >= us);
    this.nested = this.nested.filter((c) => endOf(c) >= us);
    this.overflows = this.overflows.filter((t) => t >= us - MAX_OPEN_US);
  }
}

function untilOf(stretch: SoloStretch): number {
  return Math.min(stretch.untilUs, stretch.root.startUs + MAX_OPEN_US);
}

function endOf(context: LabelContext): number {
  return Math.min(context.endUs, context.startUs + MAX_OPEN_US);
}

/**
 * Among `root` and the open contexts nested in it, the deepest one whose labels all of them carry (each is
 * it, inside it, or encloses it); `root` when none is nested.
 */
function commonScope(root: LabelContext, active: LabelContext[]): LabelContext | undefined {
  const chain = active.filter((context) => isWithin(root, context));
  let deepest = root;
  for (const context of chain) {
    if (context.depth > deepest.depth) {
      deepest = context;
    }
  }
  for (let candidate: LabelContext | undefined = deepest; candidate !== undefined; candidate = candidate.parent) {
    if (chain.every((context) => isWithin(context, candidate!))) {
      return candidate;
    }
  }
  return undefined;
}

/** Whether one of the two contexts encloses (or is) the other. */
function isWithin(outer: LabelContext, inner: LabelContext): boolean {
  for (let c: LabelContext | undefined = inner; c !== undefined; c = c.parent) {
    if (c === outer) {
      return true;
    }
  }
  for (let c: LabelContext | undefined = outer; c !== undefined; c = c.parent) {
    if (c === inner) {
      return true;
    }
  }
  return false;
}
