import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { decodeUpload, FakeIngest } from './support/FakeIngest';
import { readSamples } from './support/readSamples';
import { runApp } from './support/runApp';

describe('exit hooks (child processes)', () => {
  const open: FakeIngest[] = [];
  const receiver = (): FakeIngest => {
    const ingest = new FakeIngest();
    open.push(ingest);
    return ingest;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((ingest) => ingest.close()));
  });

  it('flushes on SIGTERM, then ends by SIGTERM when the app has no handler of its own', async () => {
    const ingest = receiver();
    const app = runApp('busyApp.ts', await ingest.listen());
    await app.ready();
    app.child.kill('SIGTERM');
    const { signal } = await app.exited;
    assert.equal(signal, 'SIGTERM');
    // The first window is cut after 1 s; the rest comes with the flush on SIGTERM.
    assert.equal(ingest.uploads.length, 2, app.output().stderr);
    // Profiling starts as the app starts; the first cut comes 1 s later and SIGTERM 1.5 s later, so the
    // flushed window holds about 0.5 s of the busy loop.
    const samples = readSamples(decodeUpload(ingest.uploads[1]!));
    assert.ok(samples.some((s) => s.frames.includes('busyWork')));
    assert.match(
      app.output().stderr,
      /pyroscope-agent: profiling exit-test\{.*\} at 100 Hz, uploading every 60 s to http:\/\/127\.0\.0\.1:\d+ \(span profiles: (on|best-effort)\)/
    );
  });

  it("flushes on SIGTERM and lets the app's own SIGTERM handler decide", async () => {
    const ingest = receiver();
    const app = runApp('busyApp.ts', await ingest.listen(), { env: { APP_SIGTERM: '1' } });
    await app.ready();
    app.child.kill('SIGTERM');
    const { code, signal } = await app.exited;
    assert.equal(signal, null);
    assert.equal(code, 0);
    assert.match(app.output().stdout, /app cleanup/);
    assert.equal(ingest.uploads.length, 2);
  });

  it('does not keep a finished app alive, and uploads its last window on the way out', async () => {
    const ingest = receiver();
    const app = runApp('shortApp.ts', await ingest.listen());
    const { code } = await app.exited;
    assert.equal(code, 0);
    assert.ok(ingest.uploads.length >= 1);
    const last = ingest.uploads[ingest.uploads.length - 1]!;
    assert.ok(readSamples(decodeUpload(last)).some((s) => s.frames.includes('shortWork')));
  });

  it('survives being stopped and started again while traced requests run and garbage is collected', async () => {
    const ingest = receiver();
    const app = runApp('restartApp.ts', await ingest.listen(), { nodeFlags: ['--expose-gc'], register: false });
    const { code, signal } = await app.exited;
    assert.deepEqual({ code, signal }, { code: 0, signal: null }, app.output().stderr);
    assert.match(app.output().stdout, /survived/);
    // Each of the three runs uploaded its profile of the requests; where labels are exact (the pprof collector),
    // span-labelled. The inspector's best-effort labels leave concurrent requests unlabelled.
    const exact = app.output().stderr.includes('(span profiles: on)');
    const runs = ingest.uploads.map((upload) => readSamples(decodeUpload(upload)));
    const profiled = runs.filter((samples) =>
      samples.some((s) => s.frames.includes('restartSpin') && (!exact || s.labels.span_name === 'GET /work'))
    );
    assert.ok(profiled.length >= 3, `${profiled.length} of ${runs.length} uploads hold the requests (exact: ${exact})`);
  });

  it('starts nothing when PYROSCOPE_ENABLED=false', async () => {
    const ingest = receiver();
    const app = runApp('shortApp.ts', await ingest.listen(), { env: { PYROSCOPE_ENABLED: 'false' } });
    const { code } = await app.exited;
    assert.equal(code, 0);
    assert.equal(ingest.uploads.length, 0);
    assert.equal(app.output().stderr, '');
  });

  it('keeps the app running when the configuration is wrong, with one warning per variable', async () => {
    const ingest = receiver();
    const app = runApp('shortApp.ts', await ingest.listen(), {
      env: {
        PYROSCOPE_SAMPLE_RATE: 'lots',
        PYROSCOPE_UPLOAD_INTERVAL: 'x',
      },
    });
    const { code } = await app.exited;
    assert.equal(code, 0);
    const warnings = app
      .output()
      .stderr.split('\n')
      .filter((line) => line.includes('warn:'));
    assert.equal(warnings.length, 2, app.output().stderr);
    assert.match(warnings[0]!, /PYROSCOPE_SAMPLE_RATE="lots" is not valid/);
    assert.ok(ingest.uploads.length >= 1);
  });
});
