import { type Page } from 'playwright-core';

import { HOST_DATASOURCE } from './host/hostSpec';
import { chooseOption } from './support/chooseOption';
import { flameGraphOf } from './support/flameGraphOf';
import { profilesRoute } from './support/profilesRoute';
import { hottestFunctions } from './support/readFixture';
import { CPU } from './support/recordedData';
import { urlParam } from './support/urlParam';
import { useBrowserHost } from './support/useBrowserHost';
import { waitUntil } from './support/waitUntil';

const browserHost = useBrowserHost();

const HOUR_MS = 3_600_000;
const FROM = Date.UTC(2026, 10, 26, 12, 0, 0);
const CHECKOUT_1_0 = { service: 'checkout', type: CPU, filters: '{version="1.0"}' };

const comboValue = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true }).inputValue();
const isChecked = (page: Page, name: string) => page.getByRole('radio', { name, exact: true }).isChecked();

describe('the Profiles page and its URL', () => {
  it('opens the view a URL holds: the controls and the flame graph show its choices', async () => {
    const params = {
      ...CHECKOUT_1_0,
      from: String(FROM),
      to: String(FROM + HOUR_MS),
      selFrom: String(FROM + HOUR_MS / 6),
      selTo: String(FROM + HOUR_MS / 6 + HOUR_MS / 2),
    };
    const { page, errors } = await browserHost.open({ route: profilesRoute(params) });

    expect(await flameGraphOf(page, 'profile-checkout-cpu-1.0')).toEqual(
      hottestFunctions('profile-checkout-cpu-1.0', 4)
    );
    expect(await isChecked(page, 'Single')).toBe(true);
    expect(await comboValue(page, 'Service')).toBe('checkout');
    expect(await comboValue(page, 'Profile type')).toBe('process_cpu - cpu');
    expect(await comboValue(page, 'Filters 1 label')).toBe('version');
    expect(await comboValue(page, 'Filters 1 value')).toBe('1.0');
    await page
      .getByRole('button', { name: 'Time range selected: 2026-11-26 12:00:00 to 2026-11-26 13:00:00' })
      .waitFor();
    await page.getByText('Flame graph of 2026-11-26 12:10:00 to 2026-11-26 12:40:00 (30m)').waitFor();
    // Nothing but the datasource was missing, so the page added only that.
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ ds: HOST_DATASOURCE.uid, ...params });
    expect(errors).toEqual([]);
  });

  it('opens a comparison from its URL: mode, view, colours and each side', async () => {
    const { page, errors } = await browserHost.open({
      route: profilesRoute({
        ...CHECKOUT_1_0,
        mode: 'diff',
        'cmp.filters': '{version="1.1"}',
        view: 'sideBySide',
        colors: 'absolute',
      }),
    });

    await page.getByRole('region', { name: 'Comparison flame graph' }).waitFor();
    expect(await isChecked(page, 'Compare')).toBe(true);
    expect(await isChecked(page, 'Side by side')).toBe(true);
    expect(await isChecked(page, 'Absolute')).toBe(true);
    expect(await comboValue(page, 'Baseline filters 1 value')).toBe('1.0');
    expect(await comboValue(page, 'Comparison filters 1 value')).toBe('1.1');
    expect(
      await flameGraphOf(page, 'profile-checkout-cpu-1.1', { scope: '[aria-label="Comparison flame graph"]' })
    ).toEqual(hottestFunctions('profile-checkout-cpu-1.1', 4));
    expect(errors).toEqual([]);
  });

  it('writes each choice into the URL, and Back returns to the view before it', async () => {
    const { page, errors } = await browserHost.open({ route: profilesRoute(CHECKOUT_1_0) });
    await flameGraphOf(page, 'profile-checkout-cpu-1.0');

    await page.getByRole('radio', { name: 'Compare', exact: true }).check();
    expect(await urlParam(page, 'mode', (value) => value !== null)).toBe('diff');
    await chooseOption(page, 'Comparison filters 1 value', '1.1');
    expect(await urlParam(page, 'cmp.filters', (value) => value !== null)).toBe('{version="1.1"}');
    await page.getByRole('radio', { name: 'Side by side', exact: true }).check();
    expect(await urlParam(page, 'view', (value) => value !== null)).toBe('sideBySide');

    // The page renders each step back after its URL changed.
    await page.goBack();
    expect(await urlParam(page, 'view', (value) => value === null)).toBeNull();
    await waitUntil(() => isChecked(page, 'Diff'), Boolean, 'the Diff view to be chosen');
    await page.goBack();
    expect(await urlParam(page, 'cmp.filters', (value) => value === null)).toBeNull();
    // A comparison part the URL does not name follows the baseline's.
    await waitUntil(
      () => comboValue(page, 'Comparison filters 1 value'),
      (value) => value === '1.0',
      "the comparison's filter to follow the baseline's"
    );
    await page.goBack();
    expect(await urlParam(page, 'mode', (value) => value === null)).toBeNull();
    await waitUntil(() => isChecked(page, 'Single'), Boolean, 'Single to be chosen');
    // Until the new flame graph arrives the page keeps showing the last one it had, maybe both sides'.
    expect(await flameGraphOf(page, 'profile-checkout-cpu-1.0', { scope: '[aria-label="Flame graph"]' })).toEqual(
      hottestFunctions('profile-checkout-cpu-1.0', 4)
    );
    expect(errors).toEqual([]);
  });
});
