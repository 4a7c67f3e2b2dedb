import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeUpload, FakeIngest } from './support/FakeIngest';
import { readSamples } from './support/readSamples';
import { runApp } from './support/runApp';

const root = path.join(__dirname, '..');

describe('the built package (what users install)', () => {
  let outdir: string;

  before(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'pyroscope-agent-package-'));
    const build = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'scripts', 'build.ts'), '--outdir', outdir],
      { cwd: root, encoding: 'utf8' }
    );
    assert.equal(build.status, 0, build.stderr);
  });
  after(() => rmSync(outdir, { recursive: true, force: true }));

  it('is one bundle, and its register entry loads that bundle instead of a copy', () => {
    const register = readFileSync(path.join(outdir, 'register.js'), 'utf8');
    // Tested on the text, and reported briefly: a failure would otherwise print the whole bundle.
    assert.ok(/require\("\.\/index"\)/.test(register), 'register.js loads ./index');
    assert.ok(!/class |function /.test(register), `register.js holds agent code of its own (${register.length} bytes)`);
    const index = readFileSync(path.join(outdir, 'index.js'), 'utf8');
    assert.ok(!/require\("\.{1,2}\//.test(index), 'index.js requires none of the agent’s own files');
  });

  it('declares its API, with the documentation', () => {
    assert.match(
      readFileSync(path.join(outdir, 'index.d.ts'), 'utf8'),
      /export \{ start \} from '\.\/lifecycle\/start';/
    );
    const start = readFileSync(path.join(outdir, 'lifecycle', 'start.d.ts'), 'utf8');
    assert.match(start, /export declare function start\(config\?: /);
    assert.match(start, /\/\*\*/, 'doc comments are kept in the declarations');
  });

  it('profiles an app through `--require …/register.js` and serves the same agent from its main entry', async () => {
    const ingest = new FakeIngest();
    try {
      const app = runApp('packagedApp.ts', await ingest.listen(), {
        register: path.join(outdir, 'register.js'),
        // The bundle sits outside the repository: its dependencies resolve from the repository's node_modules.
        env: { NODE_PATH: path.join(root, '..', 'node_modules'), AGENT_INDEX: path.join(outdir, 'index.js') },
      });
      const { code } = await app.exited;
      const { stdout, stderr } = app.output();
      assert.equal(code, 0, stderr);
      assert.match(stderr, /pyroscope-agent: profiling exit-test\{.*\} at 100 Hz/);
      const report = JSON.parse(stdout.trim().split('\n').pop()!) as { exports: string[]; collector: string | null };
      assert.deepEqual(report.exports, [
        'Agent',
        'PROFILE_ID_ATTRIBUTE',
        'PyroscopeSpanProcessor',
        'createSpanProcessor',
        'start',
        'stats',
        'stop',
        'withLabels',
      ]);
      assert.match(report.collector ?? 'none', /^(inspector|pprof)$/, 'the main entry sees the running agent');
      const frames = ingest.uploads.flatMap((upload) => readSamples(decodeUpload(upload))).flatMap((s) => s.frames);
      assert.ok(frames.includes('packagedWork'), `uploads: ${ingest.uploads.length}`);
    } finally {
      await ingest.close();
    }
  });
});
