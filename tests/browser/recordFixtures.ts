import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { launchPyroscope } from '../pyroscope/launchPyroscope';
import { grafanaClient, type GrafanaSettings, queryThroughGrafana } from '../support/grafanaClient';
import { pyroscopeSelfByFunction, waitForProfiles } from '../support/pyroscopeDirect';
import { pushFixture } from '../support/pushFixture';
import { FIXTURE_DIR, type QueryFixture, RESOURCES_FILE, type ResourceFixture } from './support/fixtureFiles';
import { PUSHES, RECORDED_QUERIES, RECORDED_RESOURCES, RECORDED_SPAN_MS } from './support/recordedData';
import { resourceKey } from './host/resourceKey';
import { shiftComparison } from './host/shiftComparison';

const MINUTE_MS = 60_000;

/**
 * Records what the browser tests and screenshots show: starts a real Pyroscope, pushes the shared pprof
 * fixtures (support/recordedData.ts), asks the backend in dist/ through Grafana's client for every recorded
 * query and resource, and writes Grafana's answers into tests/browser/fixtures/. Run after `npm run build`:
 *   npx tsx tests/browser/recordFixtures.ts
 */
async function main(): Promise<void> {
  const pyroscope = await launchPyroscope({ log: (line) => process.stderr.write(`${line}\n`) });
  try {
    const now = Date.now();
    for (const push of PUSHES) {
      await pushFixture(pyroscope.url, push.fixture, {
        service: push.service,
        tags: push.tags,
        timeMs: now - push.minutesAgo * MINUTE_MS,
      });
    }
    const fromMs = now - RECORDED_SPAN_MS;
    const toMs = now;
    for (const push of PUSHES) {
      await waitForProfiles(pyroscope.url, push.profileTypeId, `{service_name="${push.service}"}`, fromMs, toMs);
    }
    for (const push of PUSHES) {
      await waitUntilSettled(pyroscope.url, push.profileTypeId, `{service_name="${push.service}"}`, fromMs, toMs);
    }
    const settings: GrafanaSettings = { url: pyroscope.url, jsonData: {} };
    mkdirSync(FIXTURE_DIR, { recursive: true });

    for (const [name, recorded] of Object.entries(RECORDED_QUERIES)) {
      // A diff's comparison range is relative to the recording's end there; the backend needs it absolute.
      const query = { refId: 'A', ...shiftComparison(recorded, toMs) };
      const response = await queryThroughGrafana(settings, query, fromMs, toMs);
      const fixture: QueryFixture = { query, fromMs, toMs, response };
      writeJson(`${name}.json`, fixture);
    }

    const answers: ResourceFixture['answers'] = {};
    for (const path of RECORDED_RESOURCES) {
      const separator = path.includes('?') ? '&' : '?';
      const result = await grafanaClient<{ status: number; body: unknown }>('resource', settings, [
        '--path',
        `${path}${separator}from=${fromMs}&to=${toMs}`,
      ]);
      if (result.exitCode !== 0 || !result.json) {
        throw new Error(`grafana-client resource ${path} failed (exit ${result.exitCode}): ${result.stderr}`);
      }
      answers[resourceKey(path)] = result.json;
    }
    writeJson(RESOURCES_FILE, { fromMs, toMs, answers } satisfies ResourceFixture);
  } finally {
    await pyroscope.stop();
  }
}

/** Waits until the selector's total stops changing: every push of a service is then queryable. */
async function waitUntilSettled(url: string, type: string, selector: string, fromMs: number, toMs: number) {
  let last = -1;
  for (let unchanged = 0; unchanged < 3;) {
    const { total } = await pyroscopeSelfByFunction(url, type, selector, fromMs, toMs);
    unchanged = total === last ? unchanged + 1 : 0;
    last = total;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(join(FIXTURE_DIR, file), `${JSON.stringify(value)}\n`);
  process.stderr.write(`wrote tests/browser/fixtures/${file}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit.call(process, 1);
});
