import protobuf from 'protobufjs';

// The querier.v1 messages ConnectClient speaks in protobuf, written from the field numbers of
// grafana/pyroscope's api/querier/v1/querier.proto. Tests encode answers and decode requests with
// protobufjs' own codec, so the hand-written codec is checked against an independent implementation.
const SOURCE = `
syntax = "proto3";
package querier.v1;
message SelectMergeStacktracesRequest {
  string profile_typeID = 1; string label_selector = 2; int64 start = 3; int64 end = 4;
  optional int64 max_nodes = 5; int32 format = 6; repeated string span_selector = 11;
}
message SelectMergeSpanProfileRequest {
  string profile_typeID = 1; string label_selector = 2; repeated string span_selector = 3;
  int64 start = 4; int64 end = 5; optional int64 max_nodes = 6;
}
message SelectMergeProfileRequest { string profile_typeID = 1; string label_selector = 2; int64 start = 3; int64 end = 4; }
message DiffRequest { SelectMergeStacktracesRequest left = 1; SelectMergeStacktracesRequest right = 2; }
message Level { repeated int64 values = 1; }
message FlameGraph { repeated string names = 1; repeated Level levels = 2; int64 total = 3; int64 max_self = 4; }
message FlameGraphDiff {
  repeated string names = 1; repeated Level levels = 2; int64 total = 3; int64 max_self = 4;
  int64 leftTicks = 5; int64 rightTicks = 6;
}
message SelectMergeStacktracesResponse { FlameGraph flamegraph = 1; bytes tree = 2; string dot = 3; }
message DiffResponse { FlameGraphDiff flamegraph = 1; }
`;

export const testQuerierProto = protobuf.parse(SOURCE, { keepCase: true }).root;

/** Encodes `value` as the named querier.v1 message. */
export function encodeTestMessage(name: string, value: Record<string, unknown>): Uint8Array {
  const type = testQuerierProto.lookupType(`querier.v1.${name}`);
  return type.encode(type.fromObject(value)).finish();
}

/** Decodes the named querier.v1 message into a plain object with int64 as numbers. */
export function decodeTestMessage(name: string, bytes: Uint8Array): Record<string, unknown> {
  const type = testQuerierProto.lookupType(`querier.v1.${name}`);
  return type.toObject(type.decode(bytes), { longs: Number });
}
