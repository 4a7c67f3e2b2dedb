import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { resolveConfig } from '../src/config/resolveConfig';
import type { AgentConfig } from '../src/config/AgentConfig';
import { Logger } from '../src/log/Logger';
import { Uploader } from '../src/upload/Uploader';
import { eventually } from './support/eventually';
import { FakeIngest } from './support/FakeIngest';

function configFor(url: string, extra: Partial<AgentConfig> = {}): AgentConfig {
  return resolveConfig(
    { serverAddress: url, applicationName: 'checkout', tags: { environment: 'prod' }, ...extra },
    {},
    { name: 'checkout', version: '1.0.0' }
  ).config;
}

function profile(n: number) {
  return {
    gzipped: gzipSync(Buffer.from(`pprof-${n}`)),
    fromMs: 1_700_000_000_000 + n * 10_000,
    untilMs: 1_700_000_010_000 + n * 10_000,
  };
}

function recordingLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: new Logger('info', (line) => lines.push(line)), lines };
}

const fast = { baseBackoffMs: 20, maxBackoffMs: 80, random: () => 0.5 };

describe('Uploader', () => {
  let ingest: FakeIngest;
  let url: string;
  before(async () => {
    ingest = new FakeIngest();
    url = await ingest.listen();
  });
  after(() => ingest.close());

  it('posts a multipart `profile` file part with name, tags, from/until, sampleRate and spyName', async () => {
    const { log } = recordingLogger();
    const uploader = new Uploader(configFor(url), log, fast);
    uploader.enqueue(profile(1));
    await ingest.waitFor(1);
    const upload = ingest.uploads[0]!;
    assert.equal(upload.path, '/ingest');
    assert.equal(upload.query.get('name'), 'checkout{environment=prod,service=checkout,version=1.0.0}');
    assert.equal(upload.query.get('from'), '1700000010');
    assert.equal(upload.query.get('until'), '1700000020');
    assert.equal(upload.query.get('sampleRate'), '100');
    assert.equal(upload.query.get('spyName'), 'emberlabs-nodejs');
    assert.match(String(upload.headers['content-type']), /^multipart\/form-data; boundary=/);
    assert.equal(upload.parts.length, 1);
    assert.equal(upload.parts[0]!.name, 'profile');
    assert.equal(upload.parts[0]!.filename, 'profile.pprof');
    assert.equal(gunzipSync(upload.parts[0]!.data).toString(), 'pprof-1');
    assert.equal(upload.headers.authorization, undefined);
    assert.equal(upload.headers['x-scope-orgid'], undefined);
    await eventually(() => uploader.stats().uploaded === 1);
  });

  const auth: Array<[string, Partial<AgentConfig>, string | undefined, string | undefined]> = [
    ['bearer', { authToken: 'tok' }, 'Bearer tok', undefined],
    [
      'basic (Grafana Cloud)',
      { basicAuthUser: '123456', basicAuthPassword: 'glc_x' },
      `Basic ${Buffer.from('123456:glc_x').toString('base64')}`,
      undefined,
    ],
    [
      'bearer wins over basic',
      { authToken: 'tok', basicAuthUser: 'u', basicAuthPassword: 'p' },
      'Bearer tok',
      undefined,
    ],
    ['tenant', { tenantId: 'team-a' }, undefined, 'team-a'],
  ];
  for (const [name, extra, authorization, tenant] of auth) {
    it(`sends ${name} headers`, async () => {
      const before = ingest.uploads.length;
      const uploader = new Uploader(configFor(url, extra), recordingLogger().log, fast);
      uploader.enqueue(profile(2));
      await ingest.waitFor(before + 1);
      const upload = ingest.uploads[before]!;
      assert.equal(upload.headers.authorization, authorization);
      assert.equal(upload.headers['x-scope-orgid'], tenant);
    });
  }
});

describe('Uploader against a failing Pyroscope', () => {
  it('retries 5xx, 429 and network errors with backoff, then succeeds', async () => {
    const ingest = new FakeIngest([503, 429, 500]);
    const url = await ingest.listen();
    const { log, lines } = recordingLogger();
    const uploader = new Uploader(configFor(url), log, fast);
    uploader.enqueue(profile(1));
    await ingest.waitFor(4);
    await eventually(() => uploader.stats().uploaded === 1);
    assert.deepEqual(
      ingest.uploads.map((u) => u.status),
      [503, 429, 500, 200]
    );
    assert.equal(uploader.stats().uploaded, 1);
    assert.equal(uploader.stats().retries, 3);
    assert.equal(lines.filter((l) => l.includes('warn:')).length, 1, lines.join(''));
    assert.ok(lines.some((l) => l.includes('work again')));
    await ingest.close();
  });

  it('does not retry other 4xx, and says so once', async () => {
    const ingest = new FakeIngest([422, 422]);
    const url = await ingest.listen();
    const { log, lines } = recordingLogger();
    const uploader = new Uploader(configFor(url), log, fast);
    uploader.enqueue(profile(1));
    uploader.enqueue(profile(2));
    await ingest.waitFor(2);
    await eventually(() => uploader.stats().rejected === 2);
    assert.equal(ingest.uploads.length, 2);
    assert.equal(uploader.stats().rejected, 2);
    assert.equal(lines.filter((l) => l.includes('HTTP 422')).length, 1);
    await ingest.close();
  });

  it('gives one clear warning for refused credentials, not one per upload', async () => {
    const ingest = new FakeIngest([401, 401, 401]);
    const url = await ingest.listen();
    const { log, lines } = recordingLogger();
    const uploader = new Uploader(configFor(url, { authToken: 'wrong-token' }), log, fast);
    for (let i = 0; i < 3; i++) {
      uploader.enqueue(profile(i));
    }
    await ingest.waitFor(3);
    await eventually(() => uploader.stats().rejected === 3);
    const warnings = lines.filter((l) => l.includes('warn:'));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /Pyroscope refused the credentials \(HTTP 401\) — check PYROSCOPE_AUTH_TOKEN/);
    assert.ok(!warnings[0]!.includes('wrong-token'));
    assert.equal(uploader.stats().rejected, 3);
    await ingest.close();
  });

  it('keeps a bounded queue while Pyroscope is down, dropping the oldest profile', async () => {
    const { log } = recordingLogger();
    // Nothing listens on this port: every attempt is a network error.
    const ingest = new FakeIngest();
    const url = await ingest.listen();
    await ingest.close();
    const uploader = new Uploader(configFor(url, { maxQueuedProfiles: 3 }), log, { ...fast, baseBackoffMs: 10_000 });
    for (let i = 1; i <= 5; i++) {
      uploader.enqueue(profile(i));
    }
    await eventually(() => uploader.stats().retries >= 1);
    assert.equal(uploader.stats().queued, 3);
    assert.equal(uploader.stats().droppedQueueFull, 2);

    // Pyroscope comes back on the same port: the flush sends what is left, oldest kept first.
    const back = new FakeIngest();
    const port = Number(new URL(url).port);
    await new Promise<void>((resolve) =>
      (back as unknown as { server: import('node:http').Server }).server.listen(port, '127.0.0.1', resolve)
    );
    await uploader.flush(Date.now() + 3000);
    const sent = back.uploads.map((u) => gunzipSync(u.parts[0]!.data).toString());
    assert.equal(sent.length, 3);
    assert.ok(!sent.includes('pprof-2') && !sent.includes('pprof-3'), sent.join());
    assert.equal(uploader.stats().queued, 0);
    uploader.close();
    await back.close();
  });

  it('flush() keeps to its deadline while an upload hangs in flight', async () => {
    let posted = 0;
    const uploader = new Uploader(configFor('http://127.0.0.1:1'), recordingLogger().log, {
      ...fast,
      post: () => {
        posted++;
        return new Promise(() => undefined); // a server that never answers
      },
    });
    uploader.enqueue(profile(1));
    assert.equal(posted, 1);
    const started = Date.now();
    await uploader.flush(started + 300);
    const took = Date.now() - started;
    assert.ok(took >= 250 && took < 2000, `flush took ${took} ms`);
    uploader.close();
  });

  it('never throws into the caller, even with an unusable address', async () => {
    const uploader = new Uploader(configFor('http://127.0.0.1:1'), recordingLogger().log, fast);
    uploader.enqueue(profile(1));
    await uploader.flush(Date.now() + 500);
    uploader.close();
    assert.equal(uploader.stats().uploaded, 0);
  });
});
