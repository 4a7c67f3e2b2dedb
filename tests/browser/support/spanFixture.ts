import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { SpanCpuRequest } from '../../../src/datasource/types';
import type { FixtureAnswers } from '../host/FixtureAnswers';
import type { ResourceAnswer } from '../host/HostAnswers';
import { FIXTURE_DIR, type QueryFixture } from './fixtureFiles';

/**
 * tests/browser/fixtures/trace-link/span.json (written by recordSpanFixture.ts): one real span of the sample
 * app, the link URL our trace view link builds for it, and Grafana's answers to what the page asks then. In
 * its own folder, since the host's default answers read only the fixture folder's own files.
 */
export type SpanFixture = {
  /** The link's path and query, as Grafana would open it. */
  route: string;
  service: string;
  traceId: string;
  spanId: string;
  spanName: string;
  /** The function with the most self time in the span's flame graph: the code the span ran. */
  topFunction: string;
  /** The span's flame graph total, in seconds (what the page's summary shows). */
  totalSeconds: number;
  queries: QueryFixture[];
  resources: Record<string, ResourceAnswer>;
  /**
   * Tempo's answer to the page's search for the service's traced requests (`path` follows the datasource
   * proxy's /uid/<uid>/). No Tempo runs here: the answer is built in Tempo's search shape from the spans the
   * app really exported, as Tempo would answer it (most recent traces first, up to the search's limit).
   */
  tempoSearch: { datasourceUid: string; path: string; answer: ResourceAnswer };
  /** The page's span-cpu request for those spans and the backend's answer, recorded through Grafana's client. */
  spanCpu: { request: SpanCpuRequest; answer: ResourceAnswer };
};

export const SPAN_FIXTURE_FILE = join(FIXTURE_DIR, 'trace-link', 'span.json');

export function readSpanFixture(): SpanFixture {
  return JSON.parse(readFileSync(SPAN_FIXTURE_FILE, 'utf8')) as SpanFixture;
}

/** Makes a host answer the span fixture's queries and resources (before its default answers). */
export function addSpanFixture(answers: FixtureAnswers, fixture: SpanFixture = readSpanFixture()): void {
  for (const { query, response, fromMs, toMs } of fixture.queries) {
    answers.addQuery(query, response, { fromMs, toMs });
  }
  for (const [path, answer] of Object.entries(fixture.resources)) {
    answers.addResource(path, answer);
  }
  answers.addResource('span-cpu', fixture.spanCpu.answer, fixture.spanCpu.request);
  const { datasourceUid, path, answer } = fixture.tempoSearch;
  answers.addProxy(datasourceUid, path, answer);
}
