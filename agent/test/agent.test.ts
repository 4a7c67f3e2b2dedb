import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { start, stats as runningStats, stop, withLabels } from '../src/index';
import { decodeUpload, FakeIngest } from './support/FakeIngest';
import { readSamples, type NamedSample } from './support/readSamples';

function labelledSpin(until: number): number {
  let x = 0;
  while (Date.now() < until) {
    x += Math.sqrt(x + 1);
  }
  return x;
}

function unlabelledSpin(until: number): number {
  let x = 0;
  while (Date.now() < until) {
    x += Math.cbrt(x + 1);
  }
  return x;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the agent, end to end against a fake ingest receiver', () => {
  let ingest: FakeIngest;
  let samples: NamedSample[] = [];
  let stats: ReturnType<NonNullable<ReturnType<typeof start>>['stats']>;

  before(async () => {
    ingest = new FakeIngest();
    const url = await ingest.listen();
    const agent = start({
      serverAddress: url,
      applicationName: 'agent-test',
      uploadIntervalMs: 1000,
      logLevel: 'warn',
    });
    assert.ok(agent);
    await agent.whenReady();
    assert.equal(start(), agent, 'a second start() returns the running agent');
    assert.equal(runningStats()?.collector, agent.stats().collector);
    // One block at a time, so the best-effort labels (Node 20) are as exact as the native ones (Node 24).
    for (let i = 0; i < 12; i++) {
      await withLabels({ route: '/labelled' }, async () => {
        labelledSpin(Date.now() + 40);
        await tick();
        await new Promise((resolve) => setTimeout(resolve, 1));
        labelledSpin(Date.now() + 40); // after await: still labelled
      });
      unlabelledSpin(Date.now() + 40);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    stats = agent.stats();
    await stop();
    stats = agent.stats();
    samples = ingest.uploads.flatMap((upload) => readSamples(decodeUpload(upload)));
  });
  after(() => ingest.close());

  it('uploads periodically and flushes the last window on stop()', () => {
    assert.ok(ingest.uploads.length >= 2, `uploads: ${ingest.uploads.length}`);
    assert.equal(stats.uploaded, ingest.uploads.length);
    assert.equal(stats.queued, 0);
    const last = ingest.uploads[ingest.uploads.length - 1]!;
    assert.ok(Number(last.query.get('until')) >= Math.floor(Date.now() / 1000) - 2);
  });

  it('labels the samples of a withLabels block, also after await, and only those', () => {
    const labelled = samples.filter((s) => s.frames[0] === 'labelledSpin');
    const unlabelled = samples.filter((s) => s.frames[0] === 'unlabelledSpin');
    assert.ok(labelled.length > 0 && unlabelled.length > 0);
    const count = (list: NamedSample[], f: (s: NamedSample) => boolean) =>
      list.filter(f).reduce((sum, s) => sum + s.count, 0);
    const labelledHits = count(labelled, () => true);
    assert.ok(
      count(labelled, (s) => s.labels.route === '/labelled') >= labelledHits * 0.9,
      'labelled samples carry the label'
    );
    assert.equal(
      count(unlabelled, (s) => s.labels.route !== undefined),
      0,
      'no label outside the block'
    );
  });

  it('reports its collector and counters', () => {
    assert.equal(stats.collector, process.versions.node.startsWith('20.') ? 'inspector' : 'pprof');
    assert.equal(stats.errors, 0);
    assert.ok(stats.samples > 50);
  });

  it('does nothing after stop(), and stop() may be called again', async () => {
    await stop();
    assert.equal(
      withLabels({ a: 'b' }, () => 42),
      42
    );
  });
});
