import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { createSpanProcessor, start, stop, withLabels } from '../src/index';
import { decodeUpload, FakeIngest } from './support/FakeIngest';
import { readSamples, type NamedSample } from './support/readSamples';

const exact = !process.versions.node.startsWith('20.');

function checkoutSpin(until: number): number {
  let x = 0;
  while (Date.now() < until) {
    x += Math.sqrt(x + 1);
  }
  return x;
}

function searchSpin(until: number): number {
  let x = 0;
  while (Date.now() < until) {
    x += Math.cbrt(x + 2);
  }
  return x;
}

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({
  spanProcessors: [createSpanProcessor(), new SimpleSpanProcessor(exporter)],
});
provider.register();
const tracer = trace.getTracer('test');
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A request: a root span whose work runs in slices separated by awaits, so concurrent requests interleave. */
function request(name: string, spin: (until: number) => number, slices: number): Promise<void> {
  return context.with(ROOT_CONTEXT, () =>
    tracer.startActiveSpan(name, async (span) => {
      for (let i = 0; i < slices; i++) {
        spin(Date.now() + 15);
        await tick();
      }
      tracer.startActiveSpan('child', (child) => {
        spin(Date.now() + 5);
        child.end();
      });
      span.end();
    })
  );
}

describe('span profiles', () => {
  let ingest: FakeIngest;
  let samples: NamedSample[] = [];

  before(async () => {
    ingest = new FakeIngest();
    const agent = start({
      serverAddress: await ingest.listen(),
      applicationName: 'spans',
      uploadIntervalMs: 1000,
      logLevel: 'warn',
    });
    await agent!.whenReady();
    // Two kinds of requests at the same time, interleaving at every await.
    for (let round = 0; round < 8; round++) {
      await Promise.all([request('GET /checkout', checkoutSpin, 8), request('GET /search', searchSpin, 8)]);
    }
    // Then one at a time.
    for (let round = 0; round < 6; round++) {
      await request('GET /checkout', checkoutSpin, 4);
      await request('GET /search', searchSpin, 4);
    }
    await stop();
    samples = ingest.uploads.flatMap((upload) => readSamples(decodeUpload(upload)));
  });
  after(async () => {
    await ingest.close();
    await provider.shutdown();
  });

  it('sets pyroscope.profile.id = span id on local root spans only', () => {
    const spans = exporter.getFinishedSpans();
    const roots = spans.filter((s) => s.name !== 'child');
    const children = spans.filter((s) => s.name === 'child');
    assert.ok(roots.length >= 28 && children.length >= 28);
    for (const root of roots) {
      assert.equal(root.attributes['pyroscope.profile.id'], root.spanContext().spanId);
      assert.match(String(root.attributes['pyroscope.profile.id']), /^[0-9a-f]{16}$/);
    }
    assert.ok(children.every((child) => child.attributes['pyroscope.profile.id'] === undefined));
  });

  it(`never gives a sample the labels of another request (${exact ? 'exact, per sample' : 'best-effort, by time'})`, () => {
    const spanNames = new Map(exporter.getFinishedSpans().map((s) => [s.spanContext().spanId, s.name]));
    const labelled = samples.filter((s) => s.labels.span_id !== undefined);
    assert.ok(labelled.length > 0);
    for (const sample of labelled) {
      const name = spanNames.get(sample.labels.span_id!);
      assert.equal(sample.labels.span_name, name, 'span_name is the root span name');
      if (name === 'GET /checkout') {
        assert.ok(
          !sample.frames.includes('searchSpin'),
          `checkout-labelled sample in searchSpin: ${sample.frames.join(' < ')}`
        );
      } else {
        assert.ok(
          !sample.frames.includes('checkoutSpin'),
          `search-labelled sample in checkoutSpin: ${sample.frames.join(' < ')}`
        );
      }
    }
  });

  it(
    exact
      ? 'labels nearly every sample of a request, concurrent or not'
      : 'labels the samples of requests that ran alone',
    () => {
      const hits = (f: (s: NamedSample) => boolean) => samples.filter(f).reduce((sum, s) => sum + s.count, 0);
      for (const spin of ['checkoutSpin', 'searchSpin']) {
        const all = hits((s) => s.frames[0] === spin);
        const withSpan = hits((s) => s.frames[0] === spin && s.labels.span_id !== undefined);
        assert.ok(all > 20, `${spin}: ${all} samples`);
        // Concurrent phase: ~2/3 of the time; the sequential phase alone is ~1/3.
        assert.ok(withSpan >= all * (exact ? 0.9 : 0.15), `${spin}: ${withSpan} of ${all} labelled`);
      }
    }
  );

  it('ignores unsampled spans and spans with a local parent; takes remote parents as roots', async () => {
    const ingest2 = new FakeIngest();
    start({
      serverAddress: await ingest2.listen(),
      applicationName: 'spans2',
      uploadIntervalMs: 1000,
      logLevel: 'silent',
    });
    const remote = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
    const fromRemote = tracer.startSpan('from-remote', {}, remote);
    fromRemote.end();
    const unsampledParent = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0af7651916cd43dd8448eb211c80319d',
      spanId: 'b7ad6b7169203332',
      traceFlags: TraceFlags.NONE,
      isRemote: true,
    });
    const unsampled = tracer.startSpan('unsampled', {}, unsampledParent);
    unsampled.end();
    const spans = exporter.getFinishedSpans();
    assert.equal(
      spans.find((s) => s.name === 'from-remote')!.attributes['pyroscope.profile.id'],
      fromRemote.spanContext().spanId
    );
    assert.equal(
      spans.find((s) => s.name === 'unsampled'),
      undefined,
      'not exported, not labelled'
    );
    await stop();
    await ingest2.close();
  });

  it('does nothing while no agent runs', () => {
    const span = tracer.startSpan('no-agent', {}, ROOT_CONTEXT);
    span.end();
    const finished = exporter.getFinishedSpans().find((s) => s.name === 'no-agent')!;
    assert.equal(finished.attributes['pyroscope.profile.id'], undefined);
    assert.equal(
      withLabels({ k: 'v' }, () => 'ok'),
      'ok'
    );
  });
});
