import { type Page } from 'playwright-core';

import { diffColour } from './diffColour';
import { searchFunctions, topTableRow } from './flameGraphDom';

/**
 * Searches a diff flame graph for exactly `symbol` and reads its top table row as a user does: the Diff
 * column's text (`new`, `removed`, `+6.41%`) and the colour it is written in.
 */
export async function diffRowOf(page: Page, symbol: string): Promise<{ change?: string; colour?: string }> {
  await searchFunctions(page, `^${symbol.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = await topTableRow(page, symbol);
  return { change: row?.cells[4], colour: row?.colors[4] && diffColour(row.colors[4]) };
}
