import * as grpc from '@grpc/grpc-js';

import type { Frame, PluginHandlers } from '../plugin/types';
import { createHclogLogger } from './hclogLogger';
import { loadPluginProtos } from './loadPluginProtos';
import { readProtoTexts } from './readProtoTexts';
import { type PluginServer, startPluginServer } from './startPluginServer';
import type {
  WireCallResourceResponse,
  WireCheckHealthResponse,
  WireCollectMetricsResponse,
  WireHealthCheckResponse,
  WireQueryDataResponse,
} from './wireTypes';

type Callback<T> = (error: grpc.ServiceError | null, value: T) => void;
type ClientMethods = Record<string, (...args: unknown[]) => grpc.ClientUnaryCall & grpc.ClientReadableStream<unknown>>;

const protos = loadPluginProtos(readProtoTexts());
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const frame: Frame = { name: 'flamegraph', refId: '', fields: [] };

/** Plain handlers that tests replace one at a time. */
const handlers: jest.Mocked<PluginHandlers> = {
  queryData: jest.fn(),
  callResource: jest.fn(),
  checkHealth: jest.fn(),
};
const onShutdownRequested = jest.fn();
let server: PluginServer;
let clients: Record<keyof typeof protos, grpc.Client>;

beforeAll(async () => {
  server = await startPluginServer({
    protos,
    handlers,
    encodeFrame: (f) => json({ encoded: f.name, refId: f.refId }),
    logger: createHclogLogger({ write: () => undefined }),
    onShutdownRequested,
  });
  const address = `127.0.0.1:${server.port}`;
  const options = { 'grpc.max_send_message_length': -1 };
  clients = Object.fromEntries(
    Object.entries(protos).map(([name, Client]) => [
      name,
      new Client(address, grpc.credentials.createInsecure(), options),
    ])
  ) as unknown as typeof clients;
});

afterAll(async () => {
  Object.values(clients).forEach((client) => client.close());
  await server.stop();
});

beforeEach(() => jest.resetAllMocks());

function methodOf(client: grpc.Client, method: string) {
  const fn = (client as unknown as ClientMethods)[method];
  if (!fn) {
    throw new Error(`no method ${method}`);
  }
  return fn.bind(client);
}

function unary<T>(client: grpc.Client, method: string, request: object): Promise<T> {
  return new Promise((resolve, reject) =>
    methodOf(client, method)(request, ((error, value) => (error ? reject(error) : resolve(value))) as Callback<T>)
  );
}

function serverStream<T>(client: grpc.Client, method: string, request: object): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const messages: T[] = [];
    const call = methodOf(client, method)(request);
    call.on('data', (message: T) => messages.push(message));
    call.on('error', reject);
    call.on('end', () => resolve(messages));
  });
}

const queryRequest = (refIds: string[], jsonData: unknown = { tenantId: 't' }) => ({
  pluginContext: {
    orgId: 1,
    pluginId: 'emberlabs-profiles-datasource',
    dataSourceInstanceSettings: { uid: 'ds', jsonData: json(jsonData) },
  },
  queries: refIds.map((refId) => ({ refId, json: json({ refId }), timeRange: { fromEpochMS: 1000, toEpochMS: 2000 } })),
});

describe('startPluginServer(options)', () => {
  it('listens on loopback at the port it reports', () => {
    expect(server.port).toBeGreaterThan(0);
  });

  describe('pluginv2.Data/QueryData', () => {
    it('answers status 200 with the frames from the injected encoder', async () => {
      handlers.queryData.mockImplementation(async (request) => ({
        responses: Object.fromEntries(request.queries.map((q) => [q.refId, { frames: [frame], status: 200 }])),
      }));
      const answer = await unary<WireQueryDataResponse>(clients.Data, 'QueryData', queryRequest(['A']));
      expect(answer.responses.A).toMatchObject({ status: 200, error: '' });
      expect(answer.responses.A?.frames.map((bytes) => JSON.parse(Buffer.from(bytes).toString()))).toEqual([
        { encoded: 'flamegraph', refId: 'A' },
      ]);
      const [request] = handlers.queryData.mock.calls[0] ?? [];
      expect(request?.context.dataSource?.jsonData).toEqual({ tenantId: 't' });
      expect(request?.queries[0]?.timeRange).toEqual({ fromMs: 1000, toMs: 2000 });
    });

    it.each([
      [
        'throws',
        () => {
          throw new Error('kaboom');
        },
      ],
      ['rejects', () => Promise.reject(new Error('kaboom'))],
    ])('answers every query with status 500 when the handler %s, and keeps serving', async (_name, failure) => {
      handlers.queryData.mockImplementationOnce(failure as PluginHandlers['queryData']);
      const failed = await unary<WireQueryDataResponse>(clients.Data, 'QueryData', queryRequest(['A', 'B']));
      for (const refId of ['A', 'B']) {
        expect(failed.responses[refId]).toMatchObject({
          status: 500,
          error: 'kaboom',
          errorSource: 'plugin',
          frames: [],
        });
      }
      handlers.queryData.mockResolvedValueOnce({ responses: { A: { frames: [], status: 200 } } });
      const next = await unary<WireQueryDataResponse>(clients.Data, 'QueryData', queryRequest(['A']));
      expect(next.responses.A?.status).toBe(200);
    });

    it('answers 400 without calling the handler when jsonData is not JSON', async () => {
      const answer = await unary<WireQueryDataResponse>(clients.Data, 'QueryData', {
        ...queryRequest(['A']),
        pluginContext: { dataSourceInstanceSettings: { jsonData: Buffer.from('{oops') } },
      });
      expect(answer.responses.A).toMatchObject({ status: 400, errorSource: 'plugin' });
      expect(answer.responses.A?.error).toMatch(/jsonData/);
      expect(handlers.queryData).not.toHaveBeenCalled();
    });

    it('answers 500 for a query the handler left without response', async () => {
      handlers.queryData.mockResolvedValueOnce({ responses: { A: { frames: [], status: 200 } } });
      const answer = await unary<WireQueryDataResponse>(clients.Data, 'QueryData', queryRequest(['A', 'B']));
      expect(answer.responses.A?.status).toBe(200);
      expect(answer.responses.B).toMatchObject({ status: 500, error: 'The backend returned no result for query B' });
    });

    it('aborts the signal given to the handler when Grafana cancels the call', async () => {
      let aborted!: () => void;
      const abortSeen = new Promise<void>((resolve) => (aborted = resolve));
      handlers.queryData.mockImplementationOnce(
        (_request, signal) =>
          new Promise((resolve) => {
            signal.addEventListener('abort', () => {
              aborted();
              resolve({ responses: {} });
            });
          })
      );
      const call = methodOf(clients.Data, 'QueryData')(queryRequest(['A']), () => undefined);
      await waitFor(() => handlers.queryData.mock.calls.length === 1);
      call.cancel();
      await abortSeen;
    });
  });

  describe('pluginv2.Resource/CallResource', () => {
    it('streams one message carrying status, headers and body', async () => {
      handlers.callResource.mockResolvedValueOnce({
        status: 200,
        headers: { 'Content-Type': ['application/json'] },
        body: json(['service_name']),
      });
      const messages = await serverStream<WireCallResourceResponse>(clients.Resource, 'CallResource', {
        path: 'labels',
        method: 'GET',
        url: 'labels?start=1',
        headers: { Accept: { values: ['application/json'] } },
      });
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ code: 200, headers: { 'Content-Type': { values: ['application/json'] } } });
      expect(JSON.parse(messages[0]?.body.toString() ?? '')).toEqual(['service_name']);
      const [request] = handlers.callResource.mock.calls[0] ?? [];
      expect(request).toMatchObject({
        path: 'labels',
        method: 'GET',
        url: 'labels?start=1',
        headers: { Accept: ['application/json'] },
      });
    });

    it.each([
      ['a handler that throws', () => Promise.reject(new Error('no such route'))],
      ['an answer with status 0', () => Promise.resolve({ status: 0, headers: {}, body: Buffer.alloc(0) })],
    ])('answers 500 with a JSON message for %s', async (_name, answer) => {
      handlers.callResource.mockImplementationOnce(answer);
      const messages = await serverStream<WireCallResourceResponse>(clients.Resource, 'CallResource', { path: 'x' });
      expect(messages).toHaveLength(1);
      expect(messages[0]?.code).toBe(500);
      expect(JSON.parse(messages[0]?.body.toString() ?? '')).toEqual({ message: expect.any(String) });
    });

    it('accepts request bodies above grpc-js default 4 MiB limit', async () => {
      handlers.callResource.mockImplementationOnce(async (request) => ({
        status: 200,
        headers: {},
        body: Buffer.from(String(request.body.length)),
      }));
      const body = Buffer.alloc(6 * 1024 * 1024, 1);
      const messages = await serverStream<WireCallResourceResponse>(clients.Resource, 'CallResource', {
        path: 'big',
        body,
      });
      expect(messages[0]?.body.toString()).toBe(String(body.length));
    });
  });

  describe('pluginv2.Diagnostics', () => {
    it.each(['OK', 'ERROR', 'UNKNOWN'] as const)('maps health status %s', async (status) => {
      handlers.checkHealth.mockResolvedValueOnce({ status, message: `said ${status}`, details: { checked: true } });
      const answer = await unary<WireCheckHealthResponse>(clients.Diagnostics, 'CheckHealth', {});
      expect(answer).toMatchObject({ status, message: `said ${status}` });
      expect(JSON.parse(answer.jsonDetails.toString())).toEqual({ checked: true });
    });

    it('answers ERROR with the reason when the health check throws', async () => {
      handlers.checkHealth.mockRejectedValueOnce(new Error('Pyroscope is unreachable at http://127.0.0.1:1'));
      const answer = await unary<WireCheckHealthResponse>(clients.Diagnostics, 'CheckHealth', {});
      expect(answer).toMatchObject({ status: 'ERROR', message: 'Pyroscope is unreachable at http://127.0.0.1:1' });
      expect(answer.jsonDetails).toHaveLength(0);
    });

    it('serves process metrics in Prometheus text format', async () => {
      const answer = await unary<WireCollectMetricsResponse>(clients.Diagnostics, 'CollectMetrics', {});
      expect(answer.metrics.prometheus.toString()).toMatch(/^process_resident_memory_bytes \d+$/m);
    });
  });

  describe('grpc.health.v1.Health/Check', () => {
    it.each(['plugin', ''])('reports service "%s" as SERVING', async (service) => {
      await expect(unary<WireHealthCheckResponse>(clients.Health, 'Check', { service })).resolves.toEqual({
        status: 'SERVING',
      });
    });

    it('answers NOT_FOUND for other services', async () => {
      await expect(unary(clients.Health, 'Check', { service: 'other' })).rejects.toMatchObject({
        code: grpc.status.NOT_FOUND,
      });
    });
  });

  describe('services Grafana does not use', () => {
    it('answers UNIMPLEMENTED for pluginv2.Stream', async () => {
      const Stream = grpc.makeGenericClientConstructor(
        {
          SubscribeStream: {
            path: '/pluginv2.Stream/SubscribeStream',
            requestStream: false,
            responseStream: false,
            requestSerialize: (value: Buffer) => value,
            requestDeserialize: (value: Buffer) => value,
            responseSerialize: (value: Buffer) => value,
            responseDeserialize: (value: Buffer) => value,
          },
        },
        'Stream'
      );
      const client = new Stream(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure());
      await expect(unary(client, 'SubscribeStream', Buffer.alloc(0))).rejects.toMatchObject({
        code: grpc.status.UNIMPLEMENTED,
      });
      client.close();
    });
  });
});

// Last: stops the server.
describe('plugin.GRPCController/Shutdown', () => {
  it('calls the shutdown callback, and stop() ends the long-lived stub streams', async () => {
    const stdio = methodOf(clients.GRPCStdio, 'StreamStdio')({});
    const stdioEnded = new Promise((resolve) => stdio.on('status', resolve));
    stdio.on('error', () => undefined);
    const broker = (
      clients.GRPCBroker as unknown as { StartStream(): grpc.ClientDuplexStream<object, object> }
    ).StartStream();
    const brokerEnded = new Promise((resolve) => broker.on('status', resolve));
    broker.on('error', () => undefined);
    broker.write({ service_id: 1 });

    await expect(unary(clients.GRPCController, 'Shutdown', {})).resolves.toEqual({});
    await waitFor(() => onShutdownRequested.mock.calls.length === 1);

    await server.stop();
    await expect(stdioEnded).resolves.toMatchObject({ code: grpc.status.OK });
    await expect(brokerEnded).resolves.toMatchObject({ code: grpc.status.OK });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
