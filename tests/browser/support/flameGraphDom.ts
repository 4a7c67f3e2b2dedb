import { type Page } from 'playwright-core';

/** A top table row as a user reads it: its cells' text and the colour each is written in. */
export type TableRow = { cells: string[]; colors: Array<[number, number, number]> };

/** Pixels of the flame graph canvas by colour family (alpha 0 is `empty`; greys are muted bars and text). */
export type CanvasColours = { red: number; green: number; blue: number; grey: number; other: number; empty: number };

/** The rows of @grafana/flamegraph's top table that are on screen (it is virtualised), header excluded. */
export function topTableRows(page: Page): Promise<TableRow[]> {
  return page.evaluate(() => {
    const rgb = (color: string) =>
      (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number) as [number, number, number];
    const rows = [...document.querySelectorAll('[data-testid="topTable"] [role="row"]')].filter(
      (row) => row.querySelector('[role="cell"]') !== null
    );
    return rows
      .map((row) => [...row.querySelectorAll<HTMLElement>('[role="cell"]')])
      .sort((a, b) => a[0]!.getBoundingClientRect().top - b[0]!.getBoundingClientRect().top)
      .map((cells) => ({
        cells: cells.map((cell) => cell.innerText.trim()),
        colors: cells.map((cell) => {
          const leaf =
            [...cell.querySelectorAll<HTMLElement>('*')].reverse().find((node) => node.innerText?.trim()) ?? cell;
          return rgb(getComputedStyle(leaf).color);
        }),
      }));
  });
}

/** The on-screen row whose Symbol cell is `symbol`, or undefined. */
export async function topTableRow(page: Page, symbol: string): Promise<TableRow | undefined> {
  return (await topTableRows(page)).find((row) => row.cells[1] === symbol);
}

/** Column titles of the top table. */
export function topTableHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="topTable"] [role="columnheader"]')].map((cell) =>
      cell.innerText.trim()
    )
  );
}

/**
 * Counts the flame graph canvas's pixels by colour family, over its first `rows` rows (all when absent):
 * red and green are a diff's more/less, grey the muted bars of a search and the labels.
 */
export function canvasColours(page: Page, rows?: number): Promise<CanvasColours> {
  return page.evaluate((rowCount) => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-testid="flameGraph"]');
    const counts = { red: 0, green: 0, blue: 0, grey: 0, other: 0, empty: 0 };
    if (!canvas || canvas.width === 0 || canvas.height === 0) {
      return counts;
    }
    const height = rowCount
      ? Math.min(canvas.height, Math.round(rowCount * 22 * window.devicePixelRatio))
      : canvas.height;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, height).data;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a === 0) {
        counts.empty++;
      } else if (Math.max(r, g, b) - Math.min(r, g, b) < 24) {
        counts.grey++;
      } else if (r > g + 40 && r > b + 40) {
        counts.red++;
      } else if (g > r + 12 && g > b + 12) {
        counts.green++;
      } else if (b > r + 40) {
        counts.blue++;
      } else {
        counts.other++;
      }
    }
    return counts;
  }, rows);
}

/** The colour of the root bar as [r, g, b, a], read near its right end, where its label never is. */
export function rootPixel(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-testid="flameGraph"]');
    if (!canvas || canvas.width === 0) {
      return [];
    }
    const ratio = window.devicePixelRatio;
    const x = canvas.width - Math.round(12 * ratio);
    return [...canvas.getContext('2d')!.getImageData(x, Math.floor(11 * ratio), 1, 1).data];
  });
}

/**
 * Types into the flame graph's search box a regular expression over function names that does not match the
 * root, and waits until the flame graph applied it (after its 250 ms debounce): the root bar turned to the
 * muted colour and the table, if shown, lists only matches.
 */
export async function searchFunctions(page: Page, pattern: string): Promise<void> {
  const rootBefore = (await rootPixel(page)).join();
  await page.getByPlaceholder('Search...').fill(pattern);
  const matches = new RegExp(pattern);
  for (const deadline = Date.now() + 10000; Date.now() < deadline; await page.waitForTimeout(50)) {
    const [root, rows] = await Promise.all([rootPixel(page), topTableRows(page)]);
    if (root.join() !== rootBefore && rows.every((row) => matches.test(row.cells[1] ?? ''))) {
      return;
    }
  }
  throw new Error(`the flame graph did not apply the search ${pattern} within 10 s`);
}
