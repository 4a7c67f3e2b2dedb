/** Height of one flame graph row in CSS pixels in @grafana/flamegraph (its PIXELS_PER_LEVEL, not exported). */
const ROW_CSS_PX = 22;
/** Chromium and Firefox refuse canvases taller than this (device pixels): the flame graph would stay blank. */
const MAX_CANVAS_SIDE_PX = 32767;

/**
 * How many levels @grafana/flamegraph can draw: it sizes one canvas to the whole depth of the profile, and
 * past the browser's canvas limit the canvas stays blank.
 */
export function maxDrawableLevels(devicePixelRatio: number): number {
  const ratio = devicePixelRatio > 0 ? devicePixelRatio : 1;
  return Math.floor(MAX_CANVAS_SIDE_PX / (ROW_CSS_PX * ratio));
}
