import * as grpc from '@grpc/grpc-js';
import { type ChildProcessWithoutNullStreams, spawn } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { bundleBackend } from '../../scripts/bundleBackend';
import { loadPluginProtos } from './loadPluginProtos';
import { readProtoTexts } from './readProtoTexts';
import type { WireHealthCheckResponse, WireQueryDataResponse } from './wireTypes';

// The backend as Grafana runs it: bundled with the real build function, started through the launcher from
// another cwd. Handlers are stand-ins (the real ones are covered by the integration suite); they print to
// console and stdout on creation, which must not reach stdout.
const ENTRY = `
import { createHclogLogger } from ${JSON.stringify(join(__dirname, 'hclogLogger'))};
import { protoTexts } from ${JSON.stringify(join(__dirname, 'protoTexts'))};
import { runPlugin } from ${JSON.stringify(join(__dirname, 'runPlugin'))};

void runPlugin({
  logger: createHclogLogger(),
  protoTexts,
  encodeFrame: () => new Uint8Array([65, 82, 82, 79, 87, 49]),
  createHandlers: () => {
    if (process.env.FAIL_TO_START) {
      throw new Error('cannot read settings');
    }
    console.log('noise from console.log');
    process.stdout.write('noise from process.stdout.write\\n');
    return {
      queryData: async (request) => ({
        responses: Object.fromEntries(request.queries.map((query) => [query.refId, { frames: [{ name: 'f', refId: '', fields: [] }], status: 200 }])),
      }),
      callResource: async () => ({ status: 200, headers: {}, body: Buffer.alloc(0) }),
      checkHealth: async () => ({ status: 'OK', message: 'ok' }),
    };
  },
});
`;

const HANDSHAKE = /^1\|2\|tcp\|127\.0\.0\.1:(\d+)\|grpc$/;

const protos = loadPluginProtos(readProtoTexts());
let work: string;
let launcher: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'run-plugin-'));
  writeFileSync(join(work, 'entry.ts'), ENTRY);
  [launcher = ''] = await bundleBackend({ entryPoint: join(work, 'entry.ts'), outDir: join(work, 'datasource') });
}, 60000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

type Plugin = {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
};

function startPlugin(env: NodeJS.ProcessEnv = {}): Plugin {
  const child = spawn(launcher, [], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH, grafana_plugin_type: 'datasource', PLUGIN_PROTOCOL_VERSIONS: '2', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function handshake(plugin: Plugin): Promise<string> {
  while (!plugin.stdout().includes('\n')) {
    if (plugin.child.exitCode !== null) {
      throw new Error(`plugin exited before the handshake: ${plugin.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return plugin.stdout().split('\n')[0] ?? '';
}

function unary<T>(Client: grpc.ServiceClientConstructor, address: string, method: string, request: object): Promise<T> {
  const client = new Client(address, grpc.credentials.createInsecure());
  const call = (client as unknown as Record<string, (request: object, callback: grpc.requestCallback<T>) => void>)[
    method
  ];
  return new Promise<T>((resolve, reject) =>
    call?.call(client, request, (error, value) => (error || value === undefined ? reject(error) : resolve(value)))
  ).finally(() => client.close());
}

function stderrRecords(plugin: Plugin): Array<Record<string, unknown>> {
  return plugin
    .stderr()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('runPlugin(options), bundled and started through the launcher', () => {
  it('prints only the handshake on stdout, serves, and exits 0 on GRPCController.Shutdown', async () => {
    const plugin = startPlugin();
    const line = await handshake(plugin);
    expect(line).toMatch(HANDSHAKE);
    const address = line.split('|')[3] ?? '';

    await expect(
      unary<WireHealthCheckResponse>(protos.Health, address, 'Check', { service: 'plugin' })
    ).resolves.toEqual({
      status: 'SERVING',
    });
    const answer = await unary<WireQueryDataResponse>(protos.Data, address, 'QueryData', { queries: [{ refId: 'A' }] });
    expect(answer.responses.A?.status).toBe(200);
    expect(Buffer.from(answer.responses.A?.frames[0] ?? []).toString()).toBe('ARROW1');

    await unary(protos.GRPCController, address, 'Shutdown', {});
    await expect(plugin.exited).resolves.toBe(0);
    expect(plugin.stdout()).toBe(`${line}\n`);
    // stderr carries hclog JSON only, the redirected console.log included.
    expect(stderrRecords(plugin)).toContainEqual(
      expect.objectContaining({ '@level': 'info', '@message': 'noise from console.log' })
    );
    expect(stderrRecords(plugin)).toContainEqual(
      expect.objectContaining({ '@message': 'noise from process.stdout.write' })
    );
  });

  it('ignores SIGINT and exits 0 on SIGTERM', async () => {
    const plugin = startPlugin();
    const address = (await handshake(plugin)).split('|')[3] ?? '';
    plugin.child.kill('SIGINT');
    await expect(
      unary<WireHealthCheckResponse>(protos.Health, address, 'Check', { service: 'plugin' })
    ).resolves.toEqual({
      status: 'SERVING',
    });
    plugin.child.kill('SIGTERM');
    await expect(plugin.exited).resolves.toBe(0);
  });

  it('exits non-zero with the reason on stderr and nothing on stdout when it cannot start', async () => {
    const plugin = startPlugin({ FAIL_TO_START: '1' });
    await expect(plugin.exited).resolves.not.toBe(0);
    expect(plugin.stdout()).toBe('');
    expect(stderrRecords(plugin)).toContainEqual(
      expect.objectContaining({
        '@level': 'error',
        '@message': 'the backend could not start',
        error: 'cannot read settings',
      })
    );
  });
});
