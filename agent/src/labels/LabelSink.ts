import type { LabelContext } from './LabelContext';

/** How a collector learns which labels apply to the code that runs now. */
export interface LabelSink {
  /** `exact`: each sample carries its own async context's labels. `best-effort`: joined by time. */
  readonly precision: 'exact' | 'best-effort';
  /** Starts tracking a context that was just created. */
  open(context: LabelContext): void;
  /** Makes `context` the one samples see from now on in the current async context. */
  activate(context: LabelContext): void;
  /** Ends it (sets `endUs`); later samples must not carry its labels. */
  close(context: LabelContext): void;
}
