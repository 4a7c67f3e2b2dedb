import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';

import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';

import { createBenchControl } from '../src/createBenchControl';
import { createTrigsApi } from '../src/createTrigsApi';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
let server: Server;
let base: string;

before(async () => {
  server = createServer(createTrigsApi({ tracer: trace.getTracer('test'), bench: createBenchControl(10, true) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await provider.shutdown();
});

beforeEach(() => exporter.reset());

async function call(path: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${base}${path}`, init);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

function postJson(body: string): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body };
}

describe('GET /health', () => {
  it('answers ok', async () => {
    assert.deepEqual(await call('/health').then((answer) => [answer.status, answer.body]), [200, { status: 'ok' }]);
  });
});

describe('GET /v1/trigs', () => {
  it('answers a page of 100 records by default', async () => {
    const { status, body } = await call('/v1/trigs');
    assert.equal(status, 200);
    assert.equal(body.count, 100);
    assert.equal(body.items[0].id, 'trig-000000');
    assert.equal(body.items[99].id, 'trig-000099');
  });

  it('honours limit and offset', async () => {
    const { body } = await call('/v1/trigs?limit=2&offset=4');
    assert.deepEqual(
      body.items.map((item: { id: string; angle: { degrees: number } }) => [item.id, item.angle.degrees]),
      [
        ['trig-000004', 30],
        ['trig-000005', 37.5],
      ]
    );
  });

  it('answers a few hundred KB for limit=1000', async () => {
    const response = await fetch(`${base}/v1/trigs?limit=1000`);
    const text = await response.text();
    assert.ok(text.length > 200_000 && text.length < 600_000, `${text.length} bytes`);
    assert.equal(Number(response.headers.get('content-length')), Buffer.byteLength(text));
  });

  it('refuses a bad limit with a message that says what to send', async () => {
    assert.deepEqual(await call('/v1/trigs?limit=abc').then((answer) => [answer.status, answer.body]), [
      400,
      { error: 'limit must be an integer from 1 to 5000, got "abc"' },
    ]);
    assert.equal((await call('/v1/trigs?limit=5001')).status, 400);
  });

  it('traces a server span with child spans for its steps', async () => {
    await call('/v1/trigs?limit=3');
    const spans = exporter.getFinishedSpans();
    const root = spans.find((span) => span.name === 'GET /v1/trigs')!;
    assert.equal(root.kind, SpanKind.SERVER);
    assert.equal(root.attributes['http.route'], '/v1/trigs');
    assert.equal(root.attributes['http.response.status_code'], 200);
    const children = spans
      .filter((span) => span.parentSpanContext?.spanId === root.spanContext().spanId)
      .map((span) => span.name);
    assert.deepEqual(children.sort(), ['buildTrigRecords', 'serializeTrigs']);
  });

  it('continues an incoming W3C trace', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    await call('/health', { headers: { traceparent: `00-${traceId}-b7ad6b7169203331-01` } });
    const root = exporter.getFinishedSpans().find((span) => span.name === 'GET /health')!;
    assert.equal(root.spanContext().traceId, traceId);
    assert.equal(root.parentSpanContext?.spanId, 'b7ad6b7169203331');
  });
});

describe('/v1/images/process', () => {
  it('answers the same summary for the same job by GET and by POST', async () => {
    const byGet = await call('/v1/images/process?size=48&kernel=sharpen&kernelSize=3&passes=2');
    const byPost = await call(
      '/v1/images/process',
      postJson('{"size":48,"kernel":"sharpen","kernelSize":3,"passes":2}')
    );
    assert.equal(byGet.status, 200);
    assert.deepEqual(byPost.body, byGet.body);
    assert.deepEqual(Object.keys(byGet.body).sort(), ['checksum', 'height', 'kernel', 'kernelSize', 'passes', 'width']);
    assert.equal(byGet.body.width, 48);
  });

  it('answers a different checksum for a different kernel', async () => {
    const blur = await call('/v1/images/process?size=32&kernel=blur');
    const edge = await call('/v1/images/process?size=32&kernel=edge');
    assert.notEqual(blur.body.checksum, edge.body.checksum);
  });

  it('runs one convolveImage span per pass', async () => {
    await call('/v1/images/process', postJson('{"size":16,"passes":3}'));
    assert.equal(exporter.getFinishedSpans().filter((span) => span.name === 'convolveImage').length, 3);
  });

  it('refuses bad jobs with messages that say what to send', async () => {
    const cases: Array<[RequestInit | undefined, string, string]> = [
      [postJson('{"size":'), '', 'the body must be JSON, e.g. {"size":128,"kernel":"blur"}'],
      [postJson('[1]'), '', 'the body must be a JSON object such as {"size":128,"kernel":"blur"}'],
      [postJson('{"kernel":"emboss"}'), '', 'kernel must be one of blur, sharpen, edge, got "emboss"'],
      [postJson('{"kernelSize":4}'), '', 'kernelSize must be odd (3, 5, 7 or 9), got 4'],
      [undefined, '?size=2000', 'size must be an integer from 8 to 1024, got "2000"'],
    ];
    for (const [init, query, message] of cases) {
      const answer = await call(`/v1/images/process${query}`, init);
      assert.deepEqual([answer.status, answer.body], [400, { error: message }]);
    }
  });
});

describe('GET /v1/reports/slow', () => {
  it('reports the duplicate ids and shows the quadratic search as its own span', async () => {
    const { status, body } = await call('/v1/reports/slow?n=500');
    assert.equal(status, 200);
    assert.equal(body.checked, 500);
    assert.equal(body.duplicateCount, 10);
    assert.deepEqual(body.duplicates[0], { id: 10_000_000, count: 2, firstIndex: 0 });
    const spans = exporter.getFinishedSpans().map((span) => span.name);
    assert.ok(spans.includes('findDuplicateIdsSlowly'));
  });
});

describe('routing', () => {
  it('answers 404 with the endpoints to try', async () => {
    const { status, body } = await call('/v2/nothing');
    assert.equal(status, 404);
    assert.match(body.error, /try \/v1\/trigs/);
  });

  it('answers 405 with Allow for a wrong method', async () => {
    const { status, headers } = await call('/v1/trigs', { method: 'DELETE' });
    assert.equal(status, 405);
    assert.equal(headers.get('allow'), 'GET');
  });
});

describe('bench control', () => {
  it('reports CPU, memory, loop delay and requests per route over a window', async () => {
    await call('/__bench/start');
    await call('/health');
    await call('/v1/trigs?limit=1');
    await call('/v1/trigs?limit=1');
    const { body } = await call('/__bench/stop');
    assert.deepEqual(body.requests, { '/health': 1, '/v1/trigs': 2 });
    assert.equal(body.requests_total, 3);
    for (const field of ['wall_ms', 'cpu_ms', 'rss_mb', 'heap_used_mb', 'loop_delay_max_ms']) {
      assert.equal(typeof body[field], 'number', field);
    }
    assert.equal(body.agent_stats, null);
    assert.ok(Array.isArray(body.busy_gap_top_ms) && body.busy_gap_top_ms.length > 0);
  });

  it('counts the garbage collections of the window only', async () => {
    await call('/__bench/start');
    let kept = 0;
    for (let i = 0; i < 200_000; i++) {
      kept += new Array(64).fill(i).length; // short-lived garbage: young-generation collections
    }
    await new Promise((resolve) => setTimeout(resolve, 20)); // perf_hooks delivers GC entries asynchronously
    const busy = (await call('/__bench/stop')).body;
    assert.equal(kept, 200_000 * 64);
    assert.ok(busy.gc.minor > 0, JSON.stringify(busy.gc));
    assert.ok(busy.gc.ms > 0, JSON.stringify(busy.gc));
    await call('/__bench/start');
    const quiet = (await call('/__bench/stop')).body;
    assert.ok(quiet.gc.minor < busy.gc.minor, `a new window starts from zero: ${JSON.stringify(quiet.gc)}`);
  });

  it('answers memory split into heap, Buffers and the rest, with or without a GC first', async () => {
    for (const query of ['', '?gc=1', '?gc=reduce']) {
      const { status, body } = await call(`/__bench/stats${query}`);
      assert.equal(status, 200);
      for (const field of ['rss_mb', 'heap_used_mb', 'external_mb', 'heap_physical_mb', 'native_mb']) {
        assert.equal(typeof body[field], 'number', `${field} for ${query}`);
      }
      // This test process runs without --expose-gc: no GC is claimed.
      assert.equal(body.gc, false);
      assert.ok(body.rss_mb > body.heap_physical_mb);
    }
  });
});
