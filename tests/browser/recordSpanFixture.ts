import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { sideSelector } from '../../src/pages/Profiles/domain/sideSelector';
import { spanCpuRequest } from '../../src/pages/Profiles/domain/spanCpuRequest';
import { tracedSpans } from '../../src/pages/Profiles/domain/tracedSpans';
import { tracedSpansSearch } from '../../src/pages/Profiles/domain/tracedSpansSearch';
import { topSpansQuery } from '../../src/pages/Profiles/domain/topSpansQuery';
import { parse } from '../../src/pages/Profiles/domain/urlState';
import { fromResourceAttributes } from '../../src/traces/fromResourceAttributes';
import { CPU_PROFILE_TYPE } from '../../src/traces/LinkSettings';
import { profilesLinkUrl } from '../../src/traces/profilesLinkUrl';
import { resourceAttributesContext } from '../../src/traces/testing/resourceAttributesContext';
import { launchPyroscope } from '../pyroscope/launchPyroscope';
import { column, grafanaClient, type GrafanaSettings, labels, queryThroughGrafana } from '../support/grafanaClient';
import { otlpToGrafanaSpan } from '../support/otlpToGrafanaSpan';
import { traceSampleRequests } from '../support/traceSampleRequests';
import { HOST_DATASOURCE } from './host/hostSpec';
import type { ResourceAnswer } from './host/HostAnswers';
import type { QueryFixture } from './support/fixtureFiles';
import { SPAN_FIXTURE_FILE, type SpanFixture } from './support/spanFixture';
import { tempoSearchAnswer } from './support/tempoSearchAnswer';

const SERVICE = 'trigs-api';
/** The code a slow report's span runs (samples/trigs-api/src/findDuplicateIdsSlowly.ts). */
const SPAN_CODE = 'findDuplicateIdsSlowly';

/**
 * Records tests/browser/fixtures/trace-link/span.json: the sample app on Node 24 with our agent, traced by
 * the real OpenTelemetry SDK, against a real Pyroscope; one slow report's root span; the URL of our span
 * link for it (as Grafana ≥ 12.4 passes the span); and what the page asks for at that URL, answered by the
 * backend in dist/ through Grafana's client; for the traced requests with the most CPU, Tempo's answer (built
 * from the exported spans: no Tempo runs here) and span-cpu's for its spans. Run after `npm run build`:
 *   npx tsx tests/browser/recordSpanFixture.ts
 */
async function main(): Promise<void> {
  const pyroscope = await launchPyroscope({ log: (line) => process.stderr.write(`${line}\n`) });
  try {
    const spans = await traceSampleRequests(pyroscope.url, SERVICE);
    const roots = spans.filter(
      (span) => span.attributes['pyroscope.profile.id'] && span.name.includes('/v1/reports/slow')
    );
    const root = roots[Math.floor(roots.length / 2)];
    if (!root) {
      throw new Error(`the sample app exported no profiled slow report span (got ${spans.length} spans)`);
    }
    const grafanaSpan = otlpToGrafanaSpan(root);
    const startMs = grafanaSpan.startTime / 1000;
    const context = resourceAttributesContext(grafanaSpan, { from: startMs - 3_600_000, to: startMs + 600_000 });
    const route = profilesLinkUrl(fromResourceAttributes(context, 'span')!, {
      datasourceUid: HOST_DATASOURCE.uid,
      profileTypeId: CPU_PROFILE_TYPE,
      padSeconds: 60,
    });
    const state = parse(route);
    const fromMs = Number(state.main.range.from);
    const toMs = Number(state.main.range.to);
    const selector = sideSelector(state.main);
    const settings: GrafanaSettings = { url: pyroscope.url, jsonData: {} };

    // What the page sends at this URL (src/pages/Profiles/README.md): its metric, the span's flame graph,
    // the spans with the most CPU, and the whole service's flame graph once widened.
    const asked = [
      { refId: 'A', queryType: 'metrics', profileTypeId: CPU_PROFILE_TYPE, labelSelector: selector },
      {
        refId: 'A',
        queryType: 'profile',
        profileTypeId: CPU_PROFILE_TYPE,
        labelSelector: selector,
        maxNodes: state.maxNodes,
        spanSelector: state.spanSelector,
      },
      { ...topSpansQuery(state.main), refId: 'A' },
      {
        refId: 'A',
        queryType: 'profile',
        profileTypeId: CPU_PROFILE_TYPE,
        labelSelector: selector,
        maxNodes: state.maxNodes,
      },
    ];
    const queries: QueryFixture[] = [];
    for (const query of asked) {
      queries.push({ query, fromMs, toMs, response: await queryThroughGrafana(settings, query, fromMs, toMs) });
    }
    const flameGraph = queries[1]!.response.results.A!.frames![0]!;
    const topFunction = hottest(labels(flameGraph), column<number>(flameGraph, 'self'));
    if (!topFunction.includes(SPAN_CODE)) {
      throw new Error(`the span's hottest function is ${topFunction}, not the code it ran (${SPAN_CODE})`);
    }

    const resources: Record<string, ResourceAnswer> = {};
    for (const path of ['services', `label-names?selector=${encodeURIComponent(selector)}`]) {
      const separator = path.includes('?') ? '&' : '?';
      const result = await grafanaClient<ResourceAnswer>('resource', settings, [
        '--path',
        `${path}${separator}from=${fromMs}&to=${toMs}`,
      ]);
      if (result.exitCode !== 0 || !result.json) {
        throw new Error(`grafana-client resource ${path} failed (exit ${result.exitCode}): ${result.stderr}`);
      }
      resources[path] = result.json;
    }

    // The traced requests with the most CPU: Tempo's search (from the spans the app exported), then span-cpu.
    const tempoDatasource = state.trace?.datasource;
    if (!tempoDatasource) {
      throw new Error(`the link's URL names no trace datasource: ${route}`);
    }
    const search = tracedSpansSearch(SERVICE, { fromMs, toMs });
    const searchAnswer = tempoSearchAnswer(spans, SERVICE, search);
    const request = spanCpuRequest(state.main, { fromMs, toMs }, tracedSpans(searchAnswer));
    const spanCpu = await grafanaClient<ResourceAnswer>('resource', settings, [
      '--path',
      'span-cpu',
      '--method',
      'POST',
      '--body',
      JSON.stringify(request),
    ]);
    if (spanCpu.exitCode !== 0 || spanCpu.json?.status !== 200) {
      throw new Error(
        `grafana-client resource span-cpu failed (exit ${spanCpu.exitCode}): ${spanCpu.stdout}${spanCpu.stderr}`
      );
    }

    const fixture: SpanFixture = {
      route,
      service: SERVICE,
      traceId: root.traceId,
      spanId: root.spanId,
      spanName: root.name,
      topFunction,
      totalSeconds: column<number>(flameGraph, 'value')[0]! / 1e9,
      queries,
      resources,
      tempoSearch: {
        datasourceUid: tempoDatasource,
        path: `api/search?${new URLSearchParams(Object.entries(search).map(([name, value]): [string, string] => [name, String(value)]))}`,
        answer: { status: 200, body: searchAnswer },
      },
      spanCpu: { request, answer: spanCpu.json },
    };
    mkdirSync(dirname(SPAN_FIXTURE_FILE), { recursive: true });
    writeFileSync(SPAN_FIXTURE_FILE, `${JSON.stringify(fixture)}\n`);
    process.stderr.write(
      `wrote ${SPAN_FIXTURE_FILE}: span ${root.spanId} of trace ${root.traceId}, top ${topFunction}\n`
    );
  } finally {
    await pyroscope.stop();
  }
}

/** The label with the most self time, summed over its nodes as the top table does. */
function hottest(names: string[], selfs: number[]): string {
  const totals = new Map<string, number>();
  names.forEach((name, row) => totals.set(name, (totals.get(name) ?? 0) + selfs[row]!));
  return [...totals.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit.call(process, 1);
});
