import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { decodeUpload, FakeIngest } from './support/FakeIngest';
import { readSamples } from './support/readSamples';

const register = path.join(__dirname, '..', 'src', 'register.ts');

/** Runs a fixture app under `--import <register>` (zero-code mode) pointed at a fake receiver. */
function runApp(fixture: string, url: string, env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', register, path.join(__dirname, 'fixtures', fixture)],
    {
      env: {
        ...process.env,
        PYROSCOPE_SERVER_ADDRESS: url,
        PYROSCOPE_APPLICATION_NAME: 'exit-test',
        PYROSCOPE_UPLOAD_INTERVAL: '60s',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal }))
  );
  const ready = async () => {
    while (!stdout.includes('ready')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { child, exited, ready, output: () => ({ stdout, stderr }) };
}

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
    const app = runApp('busyApp.ts', await ingest.listen(), { APP_SIGTERM: '1' });
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

  it('starts nothing when PYROSCOPE_ENABLED=false', async () => {
    const ingest = receiver();
    const app = runApp('shortApp.ts', await ingest.listen(), { PYROSCOPE_ENABLED: 'false' });
    const { code } = await app.exited;
    assert.equal(code, 0);
    assert.equal(ingest.uploads.length, 0);
    assert.equal(app.output().stderr, '');
  });

  it('keeps the app running when the configuration is wrong, with one warning per variable', async () => {
    const ingest = receiver();
    const app = runApp('shortApp.ts', await ingest.listen(), {
      PYROSCOPE_SAMPLE_RATE: 'lots',
      PYROSCOPE_UPLOAD_INTERVAL: 'x',
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
