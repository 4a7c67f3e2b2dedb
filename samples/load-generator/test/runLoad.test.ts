import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { runLoad } from '../src/runLoad';
import type { MixEntry } from '../src/types';

const hits: Record<string, number> = {};
let server: Server;
let url: string;

before(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const path = request.url ?? '';
      hits[path] = (hits[path] ?? 0) + 1;
      response.writeHead(path === '/fail' ? 500 : 200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ method: request.method, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const ok: MixEntry = { name: 'ok', method: 'GET', path: '/ok', weight: 3 };
const post: MixEntry = { name: 'post', method: 'POST', path: '/post', body: '{"a":1}', weight: 1 };
const fail: MixEntry = { name: 'fail', method: 'GET', path: '/fail', weight: 1 };

describe('runLoad', () => {
  it('sends exactly the requested number of measured requests in the mix proportions', async () => {
    const report = await runLoad({
      url,
      concurrency: 4,
      mix: [ok, post],
      mixName: 'test',
      durationS: 60,
      requests: 400,
    });
    assert.equal(report.measured.requests, 400);
    assert.equal(report.measured.errors, 0);
    assert.equal(report.measured.by_endpoint.ok!.requests, 300);
    assert.equal(report.measured.by_endpoint.post!.requests, 100);
    assert.equal(report.measured.latency_ms.count, 400);
    assert.ok(report.measured.latency_ms.p50 <= report.measured.latency_ms.p99);
    assert.equal(report.concurrency, 4);
  });

  it('counts non-2xx answers as errors by kind, apart from latencies', async () => {
    const report = await runLoad({
      url,
      concurrency: 2,
      mix: [ok, fail],
      mixName: 'test',
      durationS: 60,
      requests: 80,
    });
    assert.equal(report.measured.errors, 20);
    assert.deepEqual(report.measured.error_kinds, { 'status 500': 20 });
    assert.equal(report.measured.by_endpoint.fail!.latency_ms.count, 0);
    assert.equal(report.measured.latency_ms.count, 60);
  });

  it('counts refused connections as errors and still ends on time', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const report = await runLoad({ url: deadUrl, concurrency: 2, mix: [ok], mixName: 'test', durationS: 0.3 });
    assert.ok(report.measured.errors > 0);
    assert.deepEqual(Object.keys(report.measured.error_kinds), ['ECONNREFUSED']);
  });

  it('reports warm-up apart and measures between the start barrier and the stop signal', async () => {
    let release: () => void = () => {};
    const stopSignal = new Promise<void>((resolve) => (release = resolve));
    let measuring = false;
    const running = runLoad({
      url,
      concurrency: 2,
      mix: [ok],
      mixName: 'test',
      warmupS: 0.2,
      durationS: 60,
      beforeMeasure: async () => {
        measuring = true;
      },
      stopSignal,
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.ok(measuring);
    release();
    const report = await running;
    assert.ok(report.warmup!.requests > 0);
    assert.ok(report.measured.requests > 0);
    assert.ok(report.measured.duration_s < 5, `measured ${report.measured.duration_s} s`);
  });
});
