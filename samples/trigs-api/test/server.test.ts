import assert from 'node:assert/strict';
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
