import type { LabelPairs } from '../pprof/FlatProfile';
import { mergeLabels } from './mergeLabels';

/**
 * What samples taken in an async context are labelled with: the labels of every enclosing `withLabels`
 * block and local root span. Span profiles open one per request, so it is kept to one small object: the
 * merged pairs are built only when a sample needs them, and the sinks keep their timestamps in it rather
 * than in records of their own: what a window keeps alive until it is encoded (the contexts its samples were
 * taken in) costs the garbage collector as little as it can.
 */
export class LabelContext {
  /** When it opened, µs on the running sink's clock (only the timeline sink sets it). */
  startUs = Number.NaN;
  /** When its block or span ended, µs on the running sink's clock; Infinity while it is open. */
  endUs = Infinity;
  /** How many enclosing contexts it has (0 for a local root span or an outermost block). */
  readonly depth: number;
  private merged: LabelPairs | undefined;

  constructor(
    /** The enclosing context, when it was opened inside one that was still open. */
    readonly parent: LabelContext | undefined,
    /**
     * Labels it inherits instead of its parent's, sorted by key; shared, never mutated (a local root span keeps
     * the enclosing blocks' labels without being their child). Undefined: its parent's, built only when needed.
     */
    private readonly inherited: LabelPairs | undefined,
    /** Its own labels, overriding inherited ones. */
    private readonly own: Readonly<Record<string, string | number>>
  ) {
    this.depth = parent === undefined ? 0 : parent.depth + 1;
  }

  get closed(): boolean {
    return this.endUs !== Infinity;
  }

  /** Merged labels, sorted by key; never mutated. */
  get pairs(): LabelPairs {
    this.merged ??= mergeLabels(this.inherited ?? this.parent?.pairs, this.own);
    return this.merged;
  }
}
