import { chooseOption } from './support/chooseOption';
import { queryMatches } from './host/queryMatches';
import { readFixture } from './support/readFixture';
import { CPU, RECORDED_QUERIES } from './support/recordedData';
import { useBrowserHost } from './support/useBrowserHost';
import { waitUntil } from './support/waitUntil';

const browserHost = useBrowserHost();

describe('query editor in the browser host', () => {
  it("renders the datasource's query editor for a recorded query without errors", async () => {
    const { page, errors, state } = await browserHost.open({
      queryEditor: { query: { refId: 'A', ...RECORDED_QUERIES['profile-checkout-cpu'] } },
    });
    await page.getByLabel('Query editor row A').waitFor();
    expect(await page.getByLabel('Query editor row A').innerText()).toContain('Emberlabs Pyroscope');
    expect((await state()).errors).toEqual([]);
    expect(errors).toEqual([]);
  });
});

const FLAME_GRAPH = ['flamegraph', 'label level value self'];
const SERIES = ['graph', 'time number'];

describe('query editor in Explore (app=explore)', () => {
  it('starts a new query as flame graph and series, and runs it as the user builds it', async () => {
    const { page, errors, state } = await browserHost.open({ queryEditor: { query: { refId: 'A' }, app: 'explore' } });
    expect(await page.getByRole('radio', { name: 'Both', exact: true }).isChecked()).toBe(true);

    await chooseOption(page, 'Profile type', 'process_cpu - cpu');
    await page.getByRole('button', { name: 'Add a filter to Label selector' }).click();
    await chooseOption(page, 'Label selector 1 label', 'service_name');
    await chooseOption(page, 'Label selector 1 value', 'checkout');

    const { editorChanges, editorRuns } = await waitUntil(
      state,
      (shown) => shown.editorChanges.at(-1)?.labelSelector === '{service_name="checkout"}',
      'the editor to report the label selector'
    );
    const query = editorChanges.at(-1)!;
    expect(query).toMatchObject({ refId: 'A', queryType: 'both', profileTypeId: CPU });
    expect(editorRuns).toBeGreaterThan(0);
    // What Explore would run is what was recorded through Grafana's client as `both-checkout-cpu`.
    expect(queryMatches(readFixture('both-checkout-cpu').query, query)).toBe(true);
    expect(errors).toEqual([]);
  });

  /**
   * Explore picks a visualisation per frame from meta.preferredVisualisationType (Grafana's
   * public/app/features/explore/utils/decorators.ts): 'flamegraph' frames go to its flame graph, 'graph'
   * frames to its time series graph. The recorded answers are what the backend returned through Grafana's
   * client.
   */
  it.each([
    ['both-checkout-cpu', [FLAME_GRAPH, SERIES]],
    ['profile-checkout-cpu', [FLAME_GRAPH]],
    ['diff-checkout-cpu-versions', [FLAME_GRAPH]],
    ['metrics-checkout-cpu-by-version', [SERIES, SERIES]],
  ] as const)('%s answers with frames Explore shows as it should', (name, expected) => {
    const frames = readFixture(name).response.results.A!.frames!;
    expect(
      frames.map((frame) => {
        const isFlameGraph = frame.schema.meta?.preferredVisualisationType === 'flamegraph';
        // Explore's flame graph reads the nested-set fields; its graph a time and a number field.
        const shape = frame.schema.fields.slice(0, 4).map((field) => (isFlameGraph ? field.name : field.type));
        return [frame.schema.meta?.preferredVisualisationType, shape.join(' ')];
      })
    ).toEqual(expected);
  });
});
