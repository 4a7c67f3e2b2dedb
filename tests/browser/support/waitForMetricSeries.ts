import { type Locator, type Page } from 'playwright-core';

/** Waits until the Profiles page's metric graph in `within` names the series `name` in its legend. */
export async function waitForMetricSeries(within: Page | Locator, name: string): Promise<void> {
  await within.getByRole('img', { name: 'Profile metric over time' }).getByText(name).waitFor();
}
