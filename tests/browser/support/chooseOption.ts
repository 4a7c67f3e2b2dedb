import { type Page } from 'playwright-core';

/**
 * Picks the option whose label is `option` in the Grafana Combobox named `label`, as a user does: opens it,
 * types the label to filter the list, clicks the listed option (which may show a description under the label).
 */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(option);
  await page
    .getByRole('option')
    .filter({ has: page.getByText(option, { exact: true }) })
    // Comboboxes that take typed values also offer the typed text itself; the user picks the listed one.
    .filter({ hasNotText: 'Use custom value' })
    .click();
}
