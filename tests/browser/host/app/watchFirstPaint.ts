/**
 * Calls `onPainted(performance.now())` in the first animation frame in which a flame graph canvas under
 * `root` has drawn pixels (its top row, the root bar), so the time includes React's render, the canvas
 * drawing and the frame the browser presents it in.
 */
export function watchFirstPaint(root: ParentNode, onPainted: (at: number) => void): () => void {
  let handle = requestAnimationFrame(function check() {
    const canvas = root.querySelector<HTMLCanvasElement>('canvas[data-testid="flameGraph"]');
    if (canvas && canvas.width > 0 && canvas.height > 0) {
      // Middle of the first row (22 CSS px high): the root bar.
      const row = canvas.getContext('2d')?.getImageData(0, Math.floor(11 * window.devicePixelRatio), canvas.width, 1);
      if (row && row.data.some((value, index) => index % 4 === 3 && value > 0)) {
        onPainted(performance.now());
        return;
      }
    }
    handle = requestAnimationFrame(check);
  });
  return () => cancelAnimationFrame(handle);
}
