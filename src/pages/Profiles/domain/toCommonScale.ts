import type { DataFrame } from '@grafana/data';

/**
 * Flame graphs drawn side by side on one scale ("absolute"). @grafana/flamegraph sizes every bar as a share
 * of its own root, so two profiles of different totals both fill their width and a function that got
 * slower can look the same. Scaling values does not help (shares stay shares); the roots must be equal.
 * Each root is raised to the largest total, the difference counted as the root's own (self) time: every
 * other node keeps its amount, so its width, now a share of the common total, is comparable across graphs.
 * The diff view does the same to its two sides (panel/toAbsoluteDiff).
 */
export function toCommonScale(frames: DataFrame[]): DataFrame[] {
  const rootOf = (frame: DataFrame, name: string) =>
    Number(frame.fields.find((field) => field.name === name)?.values[0] ?? 0);
  const common = Math.max(0, ...frames.map((frame) => rootOf(frame, 'value')));
  return frames.map((frame) => {
    const total = rootOf(frame, 'value');
    if (frame.length === 0 || total === common) {
      return frame;
    }
    const raised: Record<string, number> = { value: common, self: rootOf(frame, 'self') + common - total };
    const fields = frame.fields.map((field) => {
      const root = raised[field.name];
      if (root === undefined) {
        return field;
      }
      const values = [...field.values];
      values[0] = root;
      return { ...field, values };
    });
    return { ...frame, fields };
  });
}
