import { chooseOption } from './support/chooseOption';
import { flameGraphSummary, searchAndRead, topSymbols } from './support/flameGraphDom';
import { flameGraphOf } from './support/flameGraphOf';
import { PROFILES_PATH, profilesRoute } from './support/profilesRoute';
import { hottestFunctions, readResource } from './support/readFixture';
import { CPU, CPU_SAMPLES } from './support/recordedData';
import { urlParam } from './support/urlParam';
import { useBrowserHost } from './support/useBrowserHost';
import { waitForMetricSeries } from './support/waitForMetricSeries';

const browserHost = useBrowserHost();
const CHECKOUT_CPU = profilesRoute({ service: 'checkout', type: CPU });

describe('the Profiles page with one flame graph', () => {
  it('mounts under /a/emberlabs-profiles-app/ without errors', async () => {
    const { page, errors, state } = await browserHost.open({ route: PROFILES_PATH });
    await page.waitForFunction(() => (document.getElementById('root')?.innerText ?? '').trim().length > 0);
    expect(await page.getByText('The host caught a render error').count()).toBe(0);
    expect((await state()).errors).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("starts on the first service's CPU profile: its metric and its flame graph", async () => {
    const { page, errors } = await browserHost.open({ route: PROFILES_PATH });
    expect(await urlParam(page, 'service', (value) => value !== null)).toBe('checkout');
    expect(await urlParam(page, 'type', (value) => value !== null)).toBe(CPU);
    expect(await flameGraphOf(page, 'profile-checkout-cpu')).toEqual(hottestFunctions('profile-checkout-cpu', 4));
    await waitForMetricSeries(page, 'cpu {service_name="checkout"}');
    expect(errors).toEqual([]);
  });

  it('lists every service with the profile types it has', async () => {
    const { page } = await browserHost.open({ route: CHECKOUT_CPU });
    await page.getByRole('combobox', { name: 'Service', exact: true }).click();
    const options = page.getByRole('option');
    await options.first().waitFor();
    const shown = (await options.allInnerTexts()).map((text) => text.split('\n').map((line) => line.trim()));

    const services = readResource('services') as Array<{ name: string; profileTypes: Array<{ label: string }> }>;
    expect(services.map((service) => service.name)).toEqual(['checkout', 'frontend', 'payments']);
    expect(shown).toEqual(
      services.map((service) => [service.name, service.profileTypes.map((type) => type.label).join(', ')])
    );
    expect(shown[0]).toEqual(['checkout', 'process_cpu - cpu, process_cpu - samples']);
  });

  it("redraws the flame graph and the metric in a chosen profile type's unit", async () => {
    const { page, errors } = await browserHost.open({ route: CHECKOUT_CPU });
    await flameGraphOf(page, 'profile-checkout-cpu');
    expect(await flameGraphSummary(page)).toMatch(/samples \(Time\)$/);

    await chooseOption(page, 'Profile type', 'process_cpu - samples');

    expect(await urlParam(page, 'type', (value) => value === CPU_SAMPLES)).toBe(CPU_SAMPLES);
    await page.getByText(/samples \(Count\)$/).waitFor();
    expect(await topSymbols(page, 4)).toEqual(hottestFunctions('profile-checkout-samples', 4));
    await waitForMetricSeries(page, 'samples {service_name="checkout"}');
    expect(errors).toEqual([]);
  });

  it('narrows the flame graph to the version a tag filter names', async () => {
    const { page, errors } = await browserHost.open({ route: CHECKOUT_CPU });
    await flameGraphOf(page, 'profile-checkout-cpu');

    await page.getByRole('button', { name: 'Add a filter to Filters' }).click();
    await chooseOption(page, 'Filters 1 label', 'version');
    // 1.0 ran cpu.pb.gz (runtime.kevent …) and 1.1 does not; 1.1 added runtime.memmove.
    for (const [version, only, gone] of [
      ['1.0', 'runtime.kevent', 'runtime.memmove'],
      ['1.1', 'runtime.memmove', 'runtime.kevent'],
    ] as const) {
      await chooseOption(page, 'Filters 1 value', version);

      const filters = `{version="${version}"}`;
      expect(await urlParam(page, 'filters', (value) => value === filters)).toBe(filters);
      const hottest = hottestFunctions(`profile-checkout-cpu-${version}`, 4);
      expect(hottest).toContain(only);
      expect(hottest).not.toContain(gone);
      expect(await flameGraphOf(page, `profile-checkout-cpu-${version}`)).toEqual(hottest);
    }
    expect(errors).toEqual([]);
  });

  it('highlights the functions a search matches and mutes the rest', async () => {
    const { page } = await browserHost.open({ route: CHECKOUT_CPU });
    await flameGraphOf(page, 'profile-checkout-cpu');

    const result = await searchAndRead(page, 'memmove');

    expect(result.symbols).toEqual(['runtime.memmove']);
    expect(result.rootMuted).toBe(true);
    expect(result.colouredPixels).toBeGreaterThan(0);
  });
});
