import { spawnSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';

import { bundleBackend, EXECUTABLE, PLUGIN_ID } from './bundleBackend';

let work: string;
let outDir: string;
let launchers: string[];
let emptyDir: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'bundle-backend-'));
  outDir = join(work, 'dist', 'datasource');
  emptyDir = join(work, 'empty');
  mkdirSync(emptyDir);
  // A stand-in entry: proves the launcher reached the bundle, from any cwd, with its arguments.
  const entry = join(work, 'entry.ts');
  writeFileSync(entry, 'process.stdout.write(`ran ${JSON.stringify(process.argv.slice(2))}\\n`);\n');
  launchers = await bundleBackend({ entryPoint: entry, outDir });
}, 60000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(path: string, env: NodeJS.ProcessEnv, args: string[] = []) {
  const result = spawnSync(path, args, { env, cwd: emptyDir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bundleBackend({ entryPoint, outDir })', () => {
  it('writes the bundle and one executable launcher per platform', () => {
    expect(launchers.map((path) => path.slice(outDir.length + 1))).toEqual(
      ['linux_amd64', 'linux_arm64', 'darwin_amd64', 'darwin_arm64'].map((platform) => `${EXECUTABLE}_${platform}`)
    );
    for (const path of launchers) {
      expect(statSync(path).mode & 0o777).toBe(0o755);
    }
    expect(statSync(join(outDir, `${EXECUTABLE}.js`)).isFile()).toBe(true);
  });

  it('runs the bundle on node from PATH, from another cwd and through a relative symlink', () => {
    const link = join(work, 'link-to-launcher');
    symlinkSync(relative(work, launchers[0] ?? ''), link);
    expect(run(link, { PATH: process.env.PATH }, ['a b'])).toEqual({ status: 0, stdout: 'ran ["a b"]\n', stderr: '' });
  });

  it('uses GF_PLUGIN_NODE_PATH when node is not on PATH', () => {
    const result = run(launchers[0] ?? '', { PATH: emptyDir, GF_PLUGIN_NODE_PATH: process.execPath });
    expect(result).toEqual({ status: 0, stdout: 'ran []\n', stderr: '' });
  });

  it('says in one stderr line that Node.js is missing, and exits non-zero', () => {
    const result = run(launchers[0] ?? '', { PATH: emptyDir });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${PLUGIN_ID}: Node.js 20 or newer is required to run this backend but no "node" was found on PATH; install Node.js on the Grafana host or set GF_PLUGIN_NODE_PATH\n`
    );
  });

  it('says in one stderr line that a configured node is not executable', () => {
    const result = run(launchers[0] ?? '', { PATH: emptyDir, GF_PLUGIN_NODE_PATH: join(emptyDir, 'node') });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([expect.stringContaining('is not an executable file'), '']);
  });

  it('says in one stderr line that the Node.js found is too old', () => {
    const oldNode = join(work, 'old-node');
    writeFileSync(oldNode, '#!/bin/sh\necho v18.19.0\n');
    chmodSync(oldNode, 0o755);
    const result = run(launchers[0] ?? '', { PATH: emptyDir, NODE: oldNode });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([expect.stringContaining('Node.js 20 or newer is required'), '']);
    expect(result.stderr).toContain('v18.19.0');
  });
});
