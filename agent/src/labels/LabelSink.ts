import type { LabelContext } from './LabelContext';
import type { LabelPairs } from '../pprof/FlatProfile';

/** How a collector learns which labels apply to the code that runs now. */
export interface LabelSink {
  /** `exact`: each sample carries its own async context's labels. `best-effort`: joined by time. */
  readonly precision: 'exact' | 'best-effort';
  /** A new context; `parent` is the enclosing one still open, if any. */
  open(pairs: LabelPairs, parent: LabelContext | undefined): LabelContext;
  /** Makes `context` the one samples see from now on in the current async context. */
  activate(context: LabelContext): void;
  close(context: LabelContext): void;
}
