import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { cacheDir } from '../support/cacheDir';

const run = promisify(execFile);
const moduleDir = __dirname;
export const PYROSCOPE_VERSION = 'v1.12.0';

/**
 * Builds Pyroscope from its Go module through the wrapper module beside this file, once per go.mod/go.sum
 * content, and returns the cached binary's path.
 */
export async function buildPyroscope(log: (line: string) => void = () => undefined): Promise<string> {
  const digest = createHash('sha256')
    .update(readFileSync(join(moduleDir, 'go.mod')))
    .update(readFileSync(join(moduleDir, 'go.sum')))
    .digest('hex')
    .slice(0, 12);
  const dir = cacheDir(`pyroscope-${PYROSCOPE_VERSION}-${digest}`);
  const binary = join(dir, 'pyroscope');
  if (existsSync(binary)) {
    return binary;
  }
  mkdirSync(dir, { recursive: true });
  log(`building Pyroscope ${PYROSCOPE_VERSION} from its Go module into ${dir} (a few minutes the first time)`);
  const partial = `${binary}.partial-${process.pid}`;
  try {
    await run('go', ['build', '-tags', 'netgo', '-o', partial, 'github.com/grafana/pyroscope/cmd/pyroscope'], {
      cwd: moduleDir,
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`building Pyroscope failed (needs Go and the Go module proxy):\n${stderr.trim()}`);
  }
  renameSync(partial, binary);
  return binary;
}
