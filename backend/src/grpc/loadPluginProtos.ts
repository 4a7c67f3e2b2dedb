import * as grpc from '@grpc/grpc-js';
import { fromJSON } from '@grpc/proto-loader';
import * as protobuf from 'protobufjs';

/** Every service the backend serves, as grpc-js service/client constructors. */
export type PluginProtos = {
  Data: grpc.ServiceClientConstructor;
  Resource: grpc.ServiceClientConstructor;
  Diagnostics: grpc.ServiceClientConstructor;
  Health: grpc.ServiceClientConstructor;
  GRPCController: grpc.ServiceClientConstructor;
  GRPCStdio: grpc.ServiceClientConstructor;
  GRPCBroker: grpc.ServiceClientConstructor;
};

const SERVICE_PATHS: Record<keyof PluginProtos, string> = {
  Data: 'pluginv2.Data',
  Resource: 'pluginv2.Resource',
  Diagnostics: 'pluginv2.Diagnostics',
  Health: 'grpc.health.v1.Health',
  GRPCController: 'plugin.GRPCController',
  GRPCStdio: 'plugin.GRPCStdio',
  GRPCBroker: 'plugin.GRPCBroker',
};

/**
 * Builds the services from .proto source texts (embedded in the bundle, so nothing is read from disk).
 * Messages arrive with int64 as numbers (epoch milliseconds fit), bytes as Buffers, enums as names and
 * unset fields filled with their defaults.
 */
export function loadPluginProtos(protoTexts: readonly string[]): PluginProtos {
  const root = new protobuf.Root();
  for (const text of protoTexts) {
    protobuf.parse(text, root, { keepCase: true });
  }
  const definition = fromJSON(root.toJSON(), {
    longs: Number,
    enums: String,
    bytes: Buffer,
    defaults: true,
    arrays: true,
    objects: true,
  });
  const packages = grpc.loadPackageDefinition(definition);
  const protos: Partial<PluginProtos> = {};
  for (const [name, path] of Object.entries(SERVICE_PATHS) as Array<[keyof PluginProtos, string]>) {
    protos[name] = serviceAt(packages, path);
  }
  return protos as PluginProtos;
}

function serviceAt(packages: grpc.GrpcObject, path: string): grpc.ServiceClientConstructor {
  let node: unknown = packages;
  for (const part of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'function' || !('service' in node)) {
    throw new Error(`the embedded .proto files do not define the service ${path}`);
  }
  return node as grpc.ServiceClientConstructor;
}
