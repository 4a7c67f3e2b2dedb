import { MIXES } from '../../samples/load-generator/src/mixes';
import { runLoad } from '../../samples/load-generator/src/runLoad';
import { launchPyroscope, type RunningPyroscope } from '../pyroscope/launchPyroscope';
import { column, labels, queryThroughGrafana } from '../support/grafanaClient';
import { waitForProfiles } from '../support/pyroscopeDirect';
import { startFastapiApp } from '../support/startFastapiApp';
import type { SampleApp } from '../support/startSampleApp';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const SERVICE = 'fastapi-trigs';

let pyroscope: RunningPyroscope;
let app: SampleApp | undefined;

beforeAll(async () => {
  pyroscope = await launchPyroscope();
});

afterAll(async () => {
  await app?.stop();
  await pyroscope?.stop();
});

describe('the original FastAPI scenario: pyroscope-io in a FastAPI service, read through our backend', () => {
  it("shows the handler's hot function in the flame graph of its environment, and nothing under another", async () => {
    // Exactly the variables of the original setup (the token is ignored by open-source Pyroscope).
    app = await startFastapiApp({
      PYROSCOPE_ENABLED: 'true',
      PYROSCOPE_SERVER_ADDRESS: pyroscope.url,
      PYROSCOPE_AUTH_TOKEN: 'unused-by-open-source-pyroscope',
      PYROSCOPE_APPLICATION_NAME: SERVICE,
      ENVIRONMENT: 'ci-python',
    });
    expect(app.stderr()).toContain(
      `pyroscope: profiling ${SERVICE}{environment=ci-python,service=${SERVICE}} at 100 Hz, uploading every 10 s to ${pyroscope.url}`
    );
    const load = await runLoad({
      url: app.url,
      concurrency: 2,
      mix: MIXES.fastapi!,
      mixName: 'fastapi',
      durationS: 15,
    });
    expect(load.measured.errors).toBe(0);
    const now = Date.now();
    // The SDK uploads every 10 s: wait for the windows of the load to arrive.
    await waitForProfiles(pyroscope.url, CPU, `{service_name="${SERVICE}"}`, now - 600000, now + 60000);

    const query = (environment: string) =>
      queryThroughGrafana(
        { url: pyroscope.url },
        {
          refId: 'A',
          queryType: 'profile',
          profileTypeId: CPU,
          labelSelector: `{service_name="${SERVICE}", environment="${environment}"}`,
        },
        now - 10 * 60000,
        now + 60000
      );
    const ours = await query('ci-python');
    expect(ours.results.A?.status).toBe(200);
    const frame = ours.results.A!.frames![0]!;
    const names = labels(frame);
    const values = column<number>(frame, 'value');
    const hot = names.findIndex((name) => name.includes('find_duplicate_ids_slowly'));
    expect(hot).toBeGreaterThan(0);
    // The quadratic search is most of what the service does under this mix.
    expect(values[hot]! / values[0]!).toBeGreaterThan(0.3);
    expect(names.some((name) => name.includes('slow_report'))).toBe(true);

    const other = await query('production');
    expect(other.results.A?.status).toBe(200);
    expect(column<number>(other.results.A!.frames![0]!, 'value')[0]).toBe(0);
  });
});
