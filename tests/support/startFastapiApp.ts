import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

import { freePorts } from './freePorts';
import { preparePythonVenv } from './preparePythonVenv';
import { stopChild } from './stopChild';
import type { SampleApp } from './startSampleApp';

const appDir = resolve(__dirname, '..', '..', 'samples', 'fastapi-app');

/**
 * Starts the FastAPI scenario (samples/fastapi-app) under uvicorn on 127.0.0.1, as its Dockerfile does but on a
 * free port, configured only through `env`; resolves once /health answers.
 */
export async function startFastapiApp(env: Record<string, string>): Promise<SampleApp> {
  const python = await preparePythonVenv();
  const [port] = await freePorts(1);
  const child = spawn(python, ['-m', 'uvicorn', 'app.main:app', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: appDir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const errLines: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errLines.push(line));
  const stop = () => stopChild(child, 10000);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok) {
        return { url, stderr: () => errLines.join('\n'), stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  await stop();
  throw new Error(`the FastAPI app did not answer /health within 30 s:\n${errLines.join('\n')}`);
}
