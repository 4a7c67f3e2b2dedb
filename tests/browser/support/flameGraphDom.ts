import { type Page } from 'playwright-core';

import { waitUntil } from './waitUntil';

/** A top table row as a user reads it: its cells' text and the colour each is written in. */
export type TableRow = { cells: string[]; colors: Array<[number, number, number]> };

/** Pixels of the flame graph canvas by colour family (alpha 0 is `empty`; greys are muted bars and text). */
export type CanvasColours = { red: number; green: number; blue: number; grey: number; other: number; empty: number };

/**
 * Every function here takes an optional `scope`: a CSS selector of the element holding the flame graph, for
 * pages with more than one (the Profiles page side by side); else the page's only one.
 */

/** The rows of @grafana/flamegraph's top table that are on screen (it is virtualised), header excluded. */
export function topTableRows(page: Page, scope?: string): Promise<TableRow[]> {
  return page.evaluate((scope) => {
    const rgb = (color: string) =>
      (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number) as [number, number, number];
    const within = scope ? document.querySelector(scope) : document;
    const rows = [...(within?.querySelectorAll('[data-testid="topTable"] [role="row"]') ?? [])].filter(
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
  }, scope);
}

/** The on-screen row whose Symbol cell is `symbol`, or undefined. */
export async function topTableRow(page: Page, symbol: string, scope?: string): Promise<TableRow | undefined> {
  return (await topTableRows(page, scope)).find((row) => row.cells[1] === symbol);
}

/** Column titles of the top table. */
export function topTableHeaders(page: Page, scope?: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const within = scope ? document.querySelector(scope) : document;
    return [...(within?.querySelectorAll<HTMLElement>('[data-testid="topTable"] [role="columnheader"]') ?? [])].map(
      (cell) => cell.innerText.trim()
    );
  }, scope);
}

/**
 * Counts the flame graph canvas's pixels by colour family, over its first `rows` rows (all when absent):
 * red and green are a diff's more/less, grey the muted bars of a search and the labels.
 */
export function canvasColours(page: Page, rows?: number, scope?: string): Promise<CanvasColours> {
  return page.evaluate(
    ([rowCount, scope]) => {
      const within = scope ? document.querySelector(scope) : document;
      const canvas = within?.querySelector<HTMLCanvasElement>('canvas[data-testid="flameGraph"]');
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
    },
    [rows, scope] as const
  );
}

/** The colour of the root bar as [r, g, b, a], read near its right end, where its label never is. */
export function rootPixel(page: Page, scope?: string): Promise<number[]> {
  return page.evaluate((scope) => {
    const within = scope ? document.querySelector(scope) : document;
    const canvas = within?.querySelector<HTMLCanvasElement>('canvas[data-testid="flameGraph"]');
    if (!canvas || canvas.width === 0) {
      return [];
    }
    const ratio = window.devicePixelRatio;
    const x = canvas.width - Math.round(12 * ratio);
    return [...canvas.getContext('2d')!.getImageData(x, Math.floor(11 * ratio), 1, 1).data];
  }, scope);
}

/**
 * Types into the flame graph's search box a regular expression over function names that does not match the
 * root, and waits until the flame graph applied it (after its 250 ms debounce): the table, if shown, lists
 * only matches, and the root bar turned to the muted colour.
 */
export async function searchFunctions(page: Page, pattern: string, scope?: string): Promise<void> {
  const matches = new RegExp(pattern);
  const allMatch = (rows: TableRow[]) => rows.every((row) => matches.test(row.cells[1] ?? ''));
  const [rootBefore, rowsBefore] = await Promise.all([rootPixel(page, scope), topTableRows(page, scope)]);
  // A table listing other functions tells when the search applied; else the root bar turning muted does
  // (it already is after an earlier search, but then the table lists that search's functions).
  const tableTells = rowsBefore.length > 0 && !allMatch(rowsBefore);
  await (scope ? page.locator(scope) : page).getByPlaceholder('Search...').fill(pattern);
  await waitUntil(
    () => Promise.all([rootPixel(page, scope), topTableRows(page, scope)]),
    ([root, rows]) => allMatch(rows) && (tableTells || root.join() !== rootBefore.join()),
    `the flame graph to apply the search ${pattern}`
  );
}

/** What a user sees after a search: the table's symbols, whether the root bar turned grey, how much stays coloured. */
export type SearchResult = { symbols: string[]; rootMuted: boolean; colouredPixels: number };

/** Searches as searchFunctions does and reads the result. */
export async function searchAndRead(page: Page, pattern: string, scope?: string): Promise<SearchResult> {
  await searchFunctions(page, pattern, scope);
  const [rows, root, colours] = await Promise.all([
    topTableRows(page, scope),
    rootPixel(page, scope),
    canvasColours(page, undefined, scope),
  ]);
  const [r = 0, g = 0, b = 0] = root;
  return {
    symbols: rows.map((row) => row.cells[1] ?? ''),
    rootMuted: Math.max(r, g, b) - Math.min(r, g, b) < 24,
    colouredPixels: colours.red + colours.green + colours.blue + colours.other,
  };
}

/** The symbols of the top table's first `count` rows, once it shows that many (after its data arrived). */
export async function topSymbols(page: Page, count: number, scope?: string): Promise<string[]> {
  const rows = await waitUntil(
    () => topTableRows(page, scope),
    (shown) => shown.length >= count,
    `${count} rows in the top table`
  );
  return rows.slice(0, count).map((row) => row.cells[1] ?? '');
}

/**
 * The flame graph's summary over its canvas, as @grafana/flamegraph writes it: `<total> | <n> samples
 * (<unit title>)`, e.g. `9.20 s | 9.2 Bil samples (Time)`.
 */
export function flameGraphSummary(page: Page, scope?: string): Promise<string> {
  return (scope ? page.locator(scope) : page).getByText(/ samples \(/).innerText();
}

/** The total at the start of the summary, in seconds, for profiles in time units (`9.20 s | …`); else NaN. */
export async function flameGraphSeconds(page: Page, scope?: string): Promise<number> {
  const match = /^([\d.]+) (ms|s) \|/.exec(await flameGraphSummary(page, scope));
  return match ? Number(match[1]) / (match[2] === 'ms' ? 1000 : 1) : NaN;
}
