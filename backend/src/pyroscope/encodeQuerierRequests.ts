import { Writer } from 'protobufjs/minimal';

import type { MergeRequest } from './types';

// Binary requests for the RPCs whose answers are decoded from protobuf (Connect answers in the request's
// codec). Field numbers: querier.v1 (grafana/pyroscope api/querier/v1/querier.proto), the same in v1.x and v2.

type MergeFields = Omit<MergeRequest, 'maxNodes' | 'spanSelector'> & { maxNodes?: number };

/** SelectMergeStacktracesRequest; also the `left`/`right` of a DiffRequest. */
export function encodeSelectMergeStacktraces(request: MergeFields): Uint8Array {
  return writeMergeStacktraces(Writer.create(), request).finish();
}

/** SelectMergeSpanProfileRequest: the span selector sits at field 3, start/end move to 4/5. */
export function encodeSelectMergeSpanProfile(request: MergeRequest & { spanSelector: string[] }): Uint8Array {
  const writer = Writer.create();
  writer.uint32((1 << 3) | 2).string(request.profileTypeId);
  writer.uint32((2 << 3) | 2).string(request.labelSelector);
  for (const spanId of request.spanSelector) {
    writer.uint32((3 << 3) | 2).string(spanId);
  }
  writer.uint32(4 << 3).int64(request.window.startMs);
  writer.uint32(5 << 3).int64(request.window.endMs);
  if (request.maxNodes > 0) {
    writer.uint32(6 << 3).int64(request.maxNodes);
  }
  return writer.finish();
}

export function encodeDiff(left: MergeFields, right: MergeFields): Uint8Array {
  const writer = Writer.create();
  writeMergeStacktraces(writer.uint32((1 << 3) | 2).fork(), left).ldelim();
  writeMergeStacktraces(writer.uint32((2 << 3) | 2).fork(), right).ldelim();
  return writer.finish();
}

/** SelectMergeProfileRequest shares fields 1–5 with SelectMergeStacktracesRequest. */
export const encodeSelectMergeProfile: (request: Omit<MergeFields, 'maxNodes'>) => Uint8Array =
  encodeSelectMergeStacktraces;

function writeMergeStacktraces(writer: Writer, request: MergeFields): Writer {
  writer.uint32((1 << 3) | 2).string(request.profileTypeId);
  writer.uint32((2 << 3) | 2).string(request.labelSelector);
  writer.uint32(3 << 3).int64(request.window.startMs);
  writer.uint32(4 << 3).int64(request.window.endMs);
  if (request.maxNodes !== undefined && request.maxNodes > 0) {
    writer.uint32(5 << 3).int64(request.maxNodes);
  }
  return writer;
}
