import { type Page } from 'playwright-core';

/**
 * The page URL's parameter `name`, once `accept` takes its value (null: absent). The Profiles page writes
 * its URL after each choice, and fills in missing choices after its first answers.
 */
export async function urlParam(page: Page, name: string, accept: (value: string | null) => boolean) {
  await page.waitForURL((url) => accept(url.searchParams.get(name)));
  return new URL(page.url()).searchParams.get(name);
}
