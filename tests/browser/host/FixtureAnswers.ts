import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { DsQueryBody, FrameJson } from '../../support/grafanaClient';
import { FIXTURE_DIR, type QueryFixture, RESOURCES_FILE, type ResourceFixture } from '../support/fixtureFiles';
import { type HostAnswers, type RequestedQuery, type ResourceAnswer } from './HostAnswers';
import { queryMatches } from './queryMatches';
import { resourceKey } from './resourceKey';

/**
 * Answers from tests/browser/fixtures (what Grafana's client printed when recordFixtures.ts ran) plus
 * answers a test adds. A recorded answer serves any time range: its time fields move with the request's
 * end, so series land in the range the page asks for.
 */
export class FixtureAnswers implements HostAnswers {
  private readonly queries: QueryFixture[];
  private readonly resources: ResourceFixture['answers'];
  private readonly proxied = new Map<string, ResourceAnswer>();

  constructor(dir = FIXTURE_DIR) {
    const files = readdirSync(dir).filter((file) => file.endsWith('.json') && file !== RESOURCES_FILE);
    this.queries = files.map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as QueryFixture);
    this.resources = (JSON.parse(readFileSync(join(dir, RESOURCES_FILE), 'utf8')) as ResourceFixture).answers;
  }

  /** Answers `query` (model fields as in QUERY_MODEL.md) with `response`'s first result from now on. */
  addQuery(query: Record<string, unknown>, response: DsQueryBody, range = { fromMs: 0, toMs: 0 }): void {
    this.queries.unshift({ query, response, ...range });
  }

  /** Answers the resource `path` (after /resources/, query string without from/to; a POST's body) with `answer`. */
  addResource(path: string, answer: ResourceAnswer, body?: unknown): void {
    this.resources[resourceKey(path, body)] = answer;
  }

  /** Answers Grafana's proxy to datasource `uid` at `path` (its time range ignored) with `answer`. */
  addProxy(uid: string, path: string, answer: ResourceAnswer): void {
    this.proxied.set(resourceKey(`${uid}/${path}`), answer);
  }

  async query(queries: RequestedQuery[], _fromMs: number, toMs: number): Promise<DsQueryBody> {
    const results: DsQueryBody['results'] = {};
    // A recorded answer moves from its recording's end to the request's (an added one, without a range, stays).
    const shiftFrom = (fixture: QueryFixture) => (fixture.toMs ? toMs - fixture.toMs : 0);
    for (const requested of queries) {
      const fixture = this.queries.find((candidate) => queryMatches(candidate.query, requested, shiftFrom(candidate)));
      const recorded = fixture && Object.values(fixture.response.results)[0];
      results[requested.refId] = recorded
        ? {
            ...recorded,
            frames: recorded.frames?.map((frame) => retarget(frame, requested.refId, shiftFrom(fixture))),
          }
        : {
            status: 404,
            error: `The browser host has no recorded answer for ${JSON.stringify(requested)}: add it to tests/browser/support/recordedData.ts and run tests/browser/recordFixtures.ts, or start the host with live answers.`,
            errorSource: 'plugin',
          };
    }
    return { results };
  }

  async resource(path: string, body?: unknown): Promise<ResourceAnswer> {
    const key = resourceKey(path, body);
    return (
      this.resources[key] ?? {
        status: 404,
        body: {
          message: `The browser host has no recorded answer for resources/${key}; recorded: ${Object.keys(this.resources).join(', ')}`,
        },
      }
    );
  }

  async datasourceProxy(uid: string, path: string): Promise<ResourceAnswer> {
    const key = resourceKey(`${uid}/${path}`);
    return (
      this.proxied.get(key) ?? {
        status: 502,
        body: { message: `The browser host has no answer of data source ${uid} for ${key} (no such datasource here)` },
      }
    );
  }

  async health(): Promise<ResourceAnswer> {
    return { status: 200, body: { status: 'OK', message: 'Recorded answers (browser host)' } };
  }
}

function retarget(frame: FrameJson, refId: string, shiftMs: number): FrameJson {
  const timeFields = frame.schema.fields.flatMap((field, index) => (field.type === 'time' ? [index] : []));
  const values = frame.data.values.map((column, index) =>
    shiftMs !== 0 && timeFields.includes(index) ? (column as number[]).map((time) => time + shiftMs) : column
  );
  return { schema: { ...frame.schema, refId }, data: { ...frame.data, values } };
}
