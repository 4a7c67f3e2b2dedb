import { join } from 'node:path';

import type { DsQueryBody } from '../../support/grafanaClient';

/** Where recorded answers live. */
export const FIXTURE_DIR = join(__dirname, '..', 'fixtures');

/** tests/browser/fixtures/<name>.json: one query and Grafana's /api/ds/query body for it. */
export type QueryFixture = {
  /** The query as recorded (refId "A"); the host matches requests against it (host/queryMatches.ts). */
  query: Record<string, unknown>;
  fromMs: number;
  toMs: number;
  response: DsQueryBody;
};

/** tests/browser/fixtures/resources.json: Grafana's resource answers, by path without from/to. */
export type ResourceFixture = {
  fromMs: number;
  toMs: number;
  answers: Record<string, { status: number; body: unknown }>;
};

export const RESOURCES_FILE = 'resources.json';
