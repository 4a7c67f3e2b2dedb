import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { cacheDir } from './cacheDir';

const run = promisify(execFile);

/** The FastAPI scenario's pinned requirements. */
export const FASTAPI_REQUIREMENTS = resolve(__dirname, '..', '..', 'samples', 'fastapi-app', 'requirements.txt');

/**
 * A virtual environment with the FastAPI scenario's packages (FastAPI, uvicorn, pyroscope-io, OpenTelemetry)
 * from pip's default index, made once per requirements file and Python version and kept in the cache
 * directory; returns its interpreter. Run tools as `python -m uvicorn`: the venv is built under another name
 * and renamed, which the interpreter survives and the scripts' shebang lines do not.
 */
export async function preparePythonVenv(log: (line: string) => void = () => undefined): Promise<string> {
  const version = (await run('python3', ['--version'])).stdout.trim();
  const digest = createHash('sha256').update(version).update(readFileSync(FASTAPI_REQUIREMENTS)).digest('hex');
  const venv = cacheDir(`venv-${digest.slice(0, 12)}`);
  const python = join(venv, 'bin', 'python');
  if (existsSync(python)) {
    return python;
  }
  log(`installing the FastAPI scenario's packages into ${venv}`);
  // Built aside and renamed, so an interrupted install never looks finished (the interpreter is the marker).
  const partial = `${venv}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    await run('python3', ['-m', 'venv', partial]);
    const pip = ['-m', 'pip', 'install', '--quiet', '--no-input', '-r', FASTAPI_REQUIREMENTS];
    await run(join(partial, 'bin', 'python'), pip, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
    throw new Error(`preparing the Python venv failed (needs python3 with venv, and pip's index):\n${stderr.trim()}`);
  }
  renameSync(partial, venv);
  return python;
}
