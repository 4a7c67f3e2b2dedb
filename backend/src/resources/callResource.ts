import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

import { parseProfileTypeId } from '../frames/parseProfileTypeId';
import type { CallResourceRequest, CallResourceResponse } from '../plugin/types';
import { PyroscopeError } from '../pyroscope/PyroscopeError';
import type { ProfileQuerier, ProfileType, TimeWindow } from '../pyroscope/types';
import type { DatasourceSettings } from '../settings/DatasourceSettings';
import { SettingsError } from '../settings/SettingsError';
import { BadRequest } from './BadRequest';
import { jsonResponse } from './jsonResponse';
import { parseSpanCpuRequest } from './parseSpanCpuRequest';
import { spanCpu } from './spanCpu';

const HOUR_MS = 3600_000;
const gzipAsync = promisify(gzip);

type Params = { search: URLSearchParams; window: TimeWindow; selector: string };
type Route = (querier: ProfileQuerier, params: Params, signal: AbortSignal) => Promise<CallResourceResponse>;
type BodyRoute = (
  datasource: ResourceDatasource,
  body: Uint8Array,
  signal: AbortSignal
) => Promise<CallResourceResponse>;

/** What the routes work with: the datasource's Pyroscope client and its settings. */
export type ResourceDatasource = { querier: ProfileQuerier; settings: DatasourceSettings };

/** A profile type for the editors: Pyroscope's parts plus the label Grafana's own datasource shows. */
export type ProfileTypeOption = ProfileType & { label: string };

export type ServiceOption = { name: string; profileTypes: ProfileTypeOption[] };

const ROUTES: Record<string, Route> = {
  'profile-types': async (querier, { window }, signal) =>
    jsonResponse(200, (await querier.profileTypes(window, signal)).map(withLabel)),

  'label-names': async (querier, { selector, window }, signal) => {
    const names = await querier.labelNames(selector, window, signal);
    // Internal labels (__profile_type__, __name__, ...) are Pyroscope's bookkeeping, as in Grafana's datasource.
    return jsonResponse(200, sortedUnique(names.filter((name) => !name.startsWith('__'))));
  },

  'label-values': async (querier, { search, selector, window }, signal) => {
    const label = search.get('label') ?? '';
    if (label === '') {
      throw new BadRequest(
        'add ?label=<name> to list the values of a label, for example label-values?label=service_name'
      );
    }
    return jsonResponse(200, sortedUnique(await querier.labelValues(label, selector, window, signal)));
  },

  services: async (querier, { selector, window }, signal) => {
    const sets = await querier.series(selector, ['service_name', '__profile_type__'], window, signal);
    const services = new Map<string, Map<string, ProfileTypeOption>>();
    for (const labels of sets) {
      const name = labels.service_name;
      const type = parseProfileTypeId(labels.__profile_type__ ?? '');
      if (name === undefined || name === '') {
        continue;
      }
      const types = services.get(name) ?? new Map<string, ProfileTypeOption>();
      services.set(name, types);
      if (type !== undefined) {
        types.set(type.id, withLabel(type));
      }
    }
    const answer: ServiceOption[] = [...services.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([name, types]) => ({ name, profileTypes: [...types.values()].sort((a, b) => compare(a.id, b.id)) }));
    return jsonResponse(200, answer);
  },

  'export/pprof': async (querier, { search, selector, window }, signal) => {
    const profileTypeId = search.get('profileTypeId') ?? '';
    const type = parseProfileTypeId(profileTypeId);
    if (type === undefined) {
      throw new BadRequest(
        `add ?profileTypeId=<id> with a profile type ID like process_cpu:cpu:nanoseconds:cpu:nanoseconds${profileTypeId === '' ? '' : ` (got "${profileTypeId}")`}`
      );
    }
    const pprof = await querier.mergeProfile({ profileTypeId, labelSelector: selector, window }, signal);
    const filename =
      `${type.name}-${type.sampleType}_${compactTime(window.startMs)}_${compactTime(window.endMs)}.pb.gz`.replace(
        /[^\w.-]/g,
        '_'
      );
    return {
      status: 200,
      headers: {
        'Content-Type': ['application/octet-stream'],
        'Content-Disposition': [`attachment; filename="${filename}"`],
      },
      body: await gzipAsync(pprof),
    };
  },
};

/** Routes that take a JSON body (POST): their input does not fit a query string. */
const BODY_ROUTES: Record<string, BodyRoute> = {
  'span-cpu': async ({ querier, settings }, body, signal) =>
    jsonResponse(200, await spanCpu(querier, parseSpanCpuRequest(body), settings.spanWindowPadMs, signal)),
};

const AVAILABLE = [...Object.keys(ROUTES), ...Object.keys(BODY_ROUTES).map((path) => `${path} (POST)`)].join(', ');

/**
 * The datasource's resource routes (JSON answers) for the editors and the Profiles page: GET with query
 * parameters, and POST with a JSON body for `span-cpu`. Never throws: every failure is an answer with a
 * status and `{message, kind}`.
 */
export async function callResource(
  request: CallResourceRequest,
  datasource: ResourceDatasource | SettingsError,
  signal: AbortSignal,
  nowMs: number = Date.now()
): Promise<CallResourceResponse> {
  const path = request.path.replace(/^\/+|\/+$/g, '');
  const route = ROUTES[path];
  const bodyRoute = BODY_ROUTES[path];
  if (route === undefined && bodyRoute === undefined) {
    return jsonResponse(404, { message: `Unknown resource "${path}". Available: ${AVAILABLE}`, kind: 'not_found' });
  }
  const method = bodyRoute === undefined ? 'GET' : 'POST';
  if (request.method.toUpperCase() !== method) {
    const answer = jsonResponse(405, {
      message: `Use ${method} for ${path} (got ${request.method})`,
      kind: 'method_not_allowed',
    });
    return { ...answer, headers: { ...answer.headers, Allow: [method] } };
  }
  try {
    if (datasource instanceof SettingsError) {
      throw datasource;
    }
    return bodyRoute === undefined
      ? await route!(datasource.querier, parseParams(request.url, nowMs), signal)
      : await bodyRoute(datasource, request.body, signal);
  } catch (err) {
    return errorAnswer(err);
  }
}

function parseParams(url: string, nowMs: number): Params {
  const search = new URL(url, 'http://resource.invalid').searchParams;
  const to = epochMs(search, 'to') ?? nowMs;
  const from = epochMs(search, 'from') ?? to - HOUR_MS;
  if (from > to) {
    throw new BadRequest(`from (${from}) is after to (${to}): swap them`);
  }
  const selector = (search.get('selector') ?? '').trim() || '{}';
  if (!selector.startsWith('{') || !selector.endsWith('}')) {
    throw new BadRequest(
      `selector must be a label selector in braces, like {service_name="checkout"} (got ${selector})`
    );
  }
  return { search, window: { startMs: from, endMs: to }, selector };
}

function epochMs(search: URLSearchParams, name: string): number | undefined {
  const raw = search.get(name);
  if (raw === null || raw === '') {
    return undefined;
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new BadRequest(`${name} must be a time in epoch milliseconds, like ${name}=1767225600000 (got "${raw}")`);
  }
  return value;
}

function errorAnswer(err: unknown): CallResourceResponse {
  if (err instanceof BadRequest) {
    return jsonResponse(400, { message: err.message, kind: 'bad_request' });
  }
  if (err instanceof SettingsError) {
    return jsonResponse(400, { message: err.message, kind: 'bad_settings' });
  }
  if (err instanceof PyroscopeError) {
    return jsonResponse(err.kind === 'invalid_argument' ? 400 : 502, { message: err.message, kind: err.kind });
  }
  const message = err instanceof Error ? err.message : String(err);
  return jsonResponse(500, { message: `Internal error in the datasource: ${message}`, kind: 'internal' });
}

function withLabel(type: ProfileType): ProfileTypeOption {
  return { ...type, label: `${type.name} - ${type.sampleType}` };
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort(compare);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 2026-01-01T00:00:00.000Z → 20260101T000000Z, for file names. */
function compactTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]|\.\d+/g, '');
}
