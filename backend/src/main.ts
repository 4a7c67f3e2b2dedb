// Entry point of the datasource backend (bundled into dist/datasource/gpx_profiles.js, started by the
// gpx_profiles_<os>_<arch> launchers). Wiring only; the process lifecycle lives in grpc/runPlugin.ts.
import { encodeFrame } from './arrow/encodeFrame';
import { createPluginHandlers } from './datasource/createPluginHandlers';
import { createHclogLogger } from './grpc/hclogLogger';
import { protoTexts } from './grpc/protoTexts';
import { runPlugin } from './grpc/runPlugin';

void runPlugin({ logger: createHclogLogger(), protoTexts, encodeFrame, createHandlers: createPluginHandlers });
