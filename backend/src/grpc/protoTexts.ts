import goPluginProto from '../../proto/goplugin.proto';
import healthProto from '../../proto/health.proto';
import pluginV2Proto from '../../proto/pluginv2.proto';

/** The .proto sources, embedded into the bundle at build time. */
export const protoTexts: readonly string[] = [pluginV2Proto, goPluginProto, healthProto];
