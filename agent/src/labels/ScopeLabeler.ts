import type { LabelPairs } from '../pprof/FlatProfile';
import type { ScopeBatch } from './ScopeBatch';

type Scope = {
  id: number;
  parent: Scope | undefined;
  depth: number;
  startUs: number;
  endUs: number;
  pairs: LabelPairs;
};

/** A scope open this long is treated as leaked (a span never ended) and labels nothing more. */
const MAX_OPEN_US = 5 * 60 * 1_000_000;

/**
 * Best-effort sample labels from a scope timeline. A sample at time t gets the labels of the scopes open at t
 * only when they all belong to one chain (a span and the `withLabels` blocks inside it); when unrelated
 * scopes overlap (concurrent requests) it gets the labels of their common enclosing scope, usually none.
 * Samples are never given the labels of a request that was not running at that instant.
 */
export class ScopeLabeler {
  private readonly scopes = new Map<number, Scope>();
  private overflows: number[] = [];

  apply(batch: ScopeBatch): void {
    for (const open of batch.opened) {
      const parent = this.scopes.get(open.parent);
      this.scopes.set(open.id, {
        id: open.id,
        parent,
        depth: parent === undefined ? 0 : parent.depth + 1,
        startUs: open.startUs,
        endUs: open.startUs + MAX_OPEN_US,
        pairs: open.pairs,
      });
    }
    for (const close of batch.closed) {
      const scope = this.scopes.get(close.id);
      if (scope !== undefined) {
        scope.endUs = Math.min(scope.endUs, close.endUs);
      }
    }
    if (batch.overflowFromUs !== undefined) {
      this.overflows.push(batch.overflowFromUs);
    }
  }

  /** Label set per sample time (ascending), and the label sets (0 = none). */
  label(times: Float64Array): { sampleLabelSets: Int32Array; labelSets: LabelPairs[] } {
    const sampleLabelSets = new Int32Array(times.length);
    const labelSets: LabelPairs[] = [[]];
    if (times.length === 0 || this.scopes.size === 0) {
      return { sampleLabelSets, labelSets };
    }
    const first = times[0]!;
    const last = times[times.length - 1]!;
    const candidates = [...this.scopes.values()].filter((s) => s.startUs <= last && s.endUs >= first);
    candidates.sort((a, b) => a.startUs - b.startUs);
    const overflowFrom = this.overflows.find((t) => t <= last && t >= first - MAX_OPEN_US) ?? Infinity;
    const setOf = new Map<Scope, number>();
    let active: Scope[] = [];
    let next = 0;
    let cached = 0;
    let dirty = true;
    for (let i = 0; i < times.length; i++) {
      const t = times[i]!;
      while (next < candidates.length && candidates[next]!.startUs <= t) {
        active.push(candidates[next++]!);
        dirty = true;
      }
      if (active.some((s) => s.endUs < t)) {
        active = active.filter((s) => s.endUs >= t);
        dirty = true;
      }
      if (t >= overflowFrom) {
        continue;
      }
      if (dirty) {
        const owner = commonScope(active);
        if (owner === undefined) {
          cached = 0;
        } else {
          let set = setOf.get(owner);
          if (set === undefined) {
            set = labelSets.length;
            labelSets.push(owner.pairs);
            setOf.set(owner, set);
          }
          cached = set;
        }
        dirty = false;
      }
      sampleLabelSets[i] = cached;
    }
    return { sampleLabelSets, labelSets };
  }

  /** Forgets scopes that ended before `us`. */
  prune(us: number): void {
    for (const [id, scope] of this.scopes) {
      if (scope.endUs < us) {
        this.scopes.delete(id);
      }
    }
    this.overflows = this.overflows.filter((t) => t >= us - MAX_OPEN_US);
  }
}

/**
 * The deepest scope on the chain of the deepest active scope whose labels every active scope carries
 * (each active scope is it, inside it, or encloses it); undefined when unrelated scopes overlap.
 */
function commonScope(active: Scope[]): Scope | undefined {
  if (active.length === 0) {
    return undefined;
  }
  let deepest = active[0]!;
  for (const scope of active) {
    if (scope.depth > deepest.depth) {
      deepest = scope;
    }
  }
  for (let candidate: Scope | undefined = deepest; candidate !== undefined; candidate = candidate.parent) {
    if (active.every((scope) => isWithin(scope, candidate!))) {
      return candidate;
    }
  }
  return undefined;
}

/** Whether one of the two scopes encloses (or is) the other. */
function isWithin(scope: Scope, inner: Scope): boolean {
  for (let s: Scope | undefined = inner; s !== undefined; s = s.parent) {
    if (s === scope) {
      return true;
    }
  }
  for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) {
    if (s === inner) {
      return true;
    }
  }
  return false;
}
