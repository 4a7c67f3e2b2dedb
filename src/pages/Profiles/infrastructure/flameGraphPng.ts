/**
 * The flame graph canvases inside `container` as one PNG, side by side when there are two (a diff shown
 * side by side). Null when no flame graph is drawn.
 */
export async function flameGraphPng(container: HTMLElement): Promise<Blob | null> {
  const canvases = Array.from(container.querySelectorAll<HTMLCanvasElement>('canvas[data-testid="flameGraph"]'));
  if (canvases.length === 0) {
    return null;
  }
  const [first] = canvases;
  let canvas = first!;
  if (canvases.length > 1) {
    canvas = document.createElement('canvas');
    canvas.width = canvases.reduce((sum, c) => sum + c.width, 0);
    canvas.height = Math.max(...canvases.map((c) => c.height));
    const context = canvas.getContext('2d');
    let x = 0;
    for (const source of canvases) {
      context?.drawImage(source, x, 0);
      x += source.width;
    }
  }
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
