import type { LabelSink } from './LabelSink';

let sink: LabelSink | undefined;

/** The running collector's label sink; undefined while no agent runs (labels then cost nothing). */
export function activeSink(): LabelSink | undefined {
  return sink;
}

export function setActiveSink(next: LabelSink | undefined): void {
  sink = next;
}
