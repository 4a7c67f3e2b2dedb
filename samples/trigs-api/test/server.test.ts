import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { readServerConfig } from '../src/readServerConfig';
import { startServerProcess } from './startServerProcess';

describe('server.ts', () => {
  it('prints its URL, serves, keeps the bench hook off by default and stops cleanly on SIGTERM', async () => {
    const server = await startServerProcess({});
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(await (await fetch(`${server.url}/health`)).json(), { status: 'ok' });
    assert.equal((await fetch(`${server.url}/__bench/start`)).status, 404);
    server.child.kill('SIGTERM');
    assert.equal(await server.exit, 0);
    assert.ok(
      server.stderr.some((line) => line.includes('tracing export none, span profiles off')),
      server.stderr.join('\n')
    );
  });

  it('handles SIGTERM from the moment it announces that it listens', async () => {
    const server = await startServerProcess({ OTEL_SDK_DISABLED: 'true' }, [
      '--require',
      require.resolve('tsx/cjs'),
      '--require',
      join(__dirname, 'reportSignalHandlers.ts'),
    ]);
    server.child.kill('SIGTERM');
    assert.equal(await server.exit, 0, server.stderr.join('\n'));
    assert.ok(server.stderr.includes('signal listeners at listening: SIGTERM 1, SIGINT 1'), server.stderr.join('\n'));
  });

  it('opens the bench hook with BENCH_CONTROL=1 and runs without the tracing SDK when it is disabled', async () => {
    const server = await startServerProcess({ BENCH_CONTROL: '1', OTEL_SDK_DISABLED: 'true' });
    await fetch(`${server.url}/__bench/start`).then((response) => response.json());
    await fetch(`${server.url}/v1/trigs?limit=5`).then((response) => response.json());
    const window = (await fetch(`${server.url}/__bench/stop`).then((response) => response.json())) as {
      requests: Record<string, number>;
    };
    assert.deepEqual(window.requests, { '/v1/trigs': 1 });
    server.child.kill('SIGTERM');
    assert.equal(await server.exit, 0);
    assert.ok(
      server.stderr.some((line) => line.includes('tracing export disabled')),
      server.stderr.join('\n')
    );
  });

  it('stops and restarts the preloaded agent through the bench hook', async () => {
    const uploads: string[] = [];
    const ingest = createServer((request, response) => {
      uploads.push(request.url ?? '');
      request.resume().on('end', () => response.end());
    });
    await new Promise<void>((resolve) => ingest.listen(0, '127.0.0.1', resolve));
    const { port } = ingest.address() as AddressInfo;
    const register = join(__dirname, '..', '..', '..', 'agent', 'src', 'register.ts');
    const server = await startServerProcess(
      {
        BENCH_CONTROL: '1',
        OTEL_SDK_DISABLED: 'true',
        PYROSCOPE_SERVER_ADDRESS: `http://127.0.0.1:${port}`,
        PYROSCOPE_UPLOAD_INTERVAL: '60s',
      },
      ['--require', require.resolve('tsx/cjs'), '--require', register]
    );
    const profiling = async (on: number): Promise<unknown> =>
      (await fetch(`${server.url}/__bench/profiling?on=${on}`)).json();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(await profiling(0), { agent: true });
    // Stopping flushed the window it held.
    assert.ok(
      uploads.some((url) => url.startsWith('/ingest')),
      uploads.join(', ')
    );
    assert.deepEqual(await profiling(1), { agent: true });
    server.child.kill('SIGTERM');
    await server.exit;
    ingest.close();
    const started = server.stderr.filter((line) => /pyroscope-agent: profiling /.test(line));
    assert.equal(started.length, 2, server.stderr.join('\n'));
  });

  it('answers that there is no agent to switch when none is preloaded', async () => {
    const server = await startServerProcess({ BENCH_CONTROL: '1', OTEL_SDK_DISABLED: 'true' });
    assert.deepEqual(await (await fetch(`${server.url}/__bench/profiling?on=1`)).json(), { agent: false });
    server.child.kill('SIGTERM');
    assert.equal(await server.exit, 0);
  });

  it('refuses a bad PORT with a message that says what to set', async () => {
    await assert.rejects(
      startServerProcess({ PORT: 'eighty' }),
      /PORT must be an integer from 0 to 65535, got "eighty"/
    );
  });
});

describe('readServerConfig', () => {
  const cases: Array<[NodeJS.ProcessEnv, ReturnType<typeof readServerConfig>]> = [
    [{}, { host: '127.0.0.1', port: 8080 }],
    [
      { HOST: '0.0.0.0', PORT: '0' },
      { host: '0.0.0.0', port: 0 },
    ],
    [{ BENCH_CONTROL: '1' }, { host: '127.0.0.1', port: 8080, bench: { loopResolutionMs: 10, stallProbe: false } }],
    [
      { BENCH_CONTROL: 'true', BENCH_LOOP_RESOLUTION_MS: '1', BENCH_STALL_PROBE: '1' },
      { host: '127.0.0.1', port: 8080, bench: { loopResolutionMs: 1, stallProbe: true } },
    ],
    [{ BENCH_CONTROL: '0' }, { host: '127.0.0.1', port: 8080 }],
  ];
  for (const [env, expected] of cases) {
    it(`reads ${JSON.stringify(env)}`, () => assert.deepEqual(readServerConfig(env), expected));
  }

  it('says which variable is wrong', () => {
    assert.throws(() => readServerConfig({ PORT: '70000' }), /PORT must be an integer from 0 to 65535, got "70000"/);
    assert.throws(
      () => readServerConfig({ BENCH_CONTROL: '1', BENCH_LOOP_RESOLUTION_MS: '0' }),
      /BENCH_LOOP_RESOLUTION_MS must be an integer from 1 to 1000/
    );
  });
});
