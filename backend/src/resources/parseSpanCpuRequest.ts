import { parseProfileTypeId } from '../frames/parseProfileTypeId';
import type { TimeWindow } from '../pyroscope/types';
import { BadRequest } from './BadRequest';

/** What span-cpu is asked: the CPU (or other sample type) of each span over a window. */
export type SpanCpuRequest = {
  profileTypeId: string;
  labelSelector: string;
  window: TimeWindow;
  spanIds: string[];
};

/** One Pyroscope call per span: a page of results, not a scan of every request. */
export const MAX_SPAN_IDS = 100;

const EXAMPLE =
  '{"profileTypeId":"process_cpu:cpu:nanoseconds:cpu:nanoseconds","labelSelector":"{service_name=\\"checkout\\"}",' +
  '"from":1767225600000,"to":1767229200000,"spanIds":["0123456789abcdef"]}';

/** The JSON body of POST span-cpu, checked; every problem is a BadRequest naming the field and the fix. */
export function parseSpanCpuRequest(body: Uint8Array): SpanCpuRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    throw new BadRequest(`send a JSON body like ${EXAMPLE}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadRequest(`send a JSON object like ${EXAMPLE}`);
  }
  const fields = parsed as Record<string, unknown>;

  const profileTypeId = fields.profileTypeId;
  if (typeof profileTypeId !== 'string' || parseProfileTypeId(profileTypeId) === undefined) {
    throw new BadRequest(
      `set profileTypeId to a profile type ID like process_cpu:cpu:nanoseconds:cpu:nanoseconds (got ${JSON.stringify(profileTypeId)})`
    );
  }
  const labelSelector = typeof fields.labelSelector === 'string' ? fields.labelSelector.trim() : '';
  if (!labelSelector.startsWith('{') || !labelSelector.endsWith('}')) {
    throw new BadRequest(
      `set labelSelector to the service's label selector in braces, like {service_name="checkout"} (got ${JSON.stringify(fields.labelSelector)})`
    );
  }
  const from = epochMs(fields, 'from');
  const to = epochMs(fields, 'to');
  if (from > to) {
    throw new BadRequest(`from (${from}) is after to (${to}): swap them`);
  }
  return { profileTypeId, labelSelector, window: { startMs: from, endMs: to }, spanIds: spanIds(fields.spanIds) };
}

function epochMs(fields: Record<string, unknown>, name: 'from' | 'to'): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new BadRequest(
      `set "${name}" to a time in epoch milliseconds, like "${name}":1767225600000 (got ${JSON.stringify(value)})`
    );
  }
  return value;
}

function spanIds(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new BadRequest('set spanIds to a list of span IDs (16 hex characters each), like ["0123456789abcdef"]');
  }
  // The same span asked twice costs a Pyroscope call and answers the same.
  const ids = [...new Set(value)];
  if (ids.length > MAX_SPAN_IDS) {
    throw new BadRequest(`ask for at most ${MAX_SPAN_IDS} span IDs at a time (got ${ids.length}): split the list`);
  }
  const bad = ids.find((id) => typeof id !== 'string' || !/^[0-9a-fA-F]{16}$/.test(id));
  if (bad !== undefined) {
    throw new BadRequest(
      `span ID ${JSON.stringify(bad)} is not 16 hex characters: Pyroscope's span IDs are the span's 8 bytes in hex, like "0123456789abcdef"`
    );
  }
  return ids as string[];
}
