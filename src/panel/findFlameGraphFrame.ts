import { type DataFrame } from '@grafana/data';
import { checkFields, getMessageCheckFieldsResult } from '@grafana/flamegraph';

import { checkNestedSet } from './checkNestedSet';

/** What the panel can draw from a query's frames. */
export type FrameChoice =
  | { kind: 'flameGraph'; frame: DataFrame; isDiff: boolean }
  /** No samples: no frame, an empty frame or a root of 0 (the datasource's "nothing in this range"). */
  | { kind: 'empty'; notice?: string }
  | { kind: 'notFlameGraph'; message: string };

/**
 * Picks the flame graph among a query's frames (our `profile`, `both` and `diff` answers, and the core
 * Pyroscope datasource's, whose label is a string or an enum) and says why when there is none.
 */
export function findFlameGraphFrame(series: DataFrame[]): FrameChoice {
  const frame = series.find((candidate) => checkFields(candidate) === undefined);
  if (!frame) {
    const withFields = series.filter((candidate) => candidate.fields.length > 0);
    if (withFields.length === 0) {
      return { kind: 'empty' };
    }
    const why = getMessageCheckFieldsResult(checkFields(withFields[0]!)!);
    return {
      kind: 'notFlameGraph',
      message: `This panel draws flame graphs, and the query returned none (${why}). Choose the query type Profile, Both or Diff.`,
    };
  }
  const notice = frame.meta?.notices?.[0]?.text;
  if (frame.length === 0) {
    return { kind: 'empty', notice };
  }
  const problem = checkNestedSet(frame);
  if (problem) {
    return { kind: 'notFlameGraph', message: problem };
  }
  const isDiff = frame.fields.some((field) => field.name === 'valueRight');
  const rootTotal = ['value', 'valueRight'].reduce(
    (sum, name) => sum + Number(frame.fields.find((field) => field.name === name)?.values[0] ?? 0),
    0
  );
  return rootTotal > 0 ? { kind: 'flameGraph', frame, isDiff } : { kind: 'empty', notice };
}
