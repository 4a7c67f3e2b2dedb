import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

import { stopChild } from './stopChild';

export type SampleApp = { url: string; stderr(): string; stop(): Promise<void> };

const repoRoot = resolve(__dirname, '..', '..');

/** Which profiler is preloaded: this repository's agent (zero-code register), the official SDK, or none. */
export type SampleProfiler = 'ours' | 'official' | 'none';

/**
 * Starts samples/trigs-api on an OS-picked port with a profiler preloaded the way users do it
 * (`--require`), configured only through the environment, and resolves once it listens.
 */
export function startSampleApp(
  profiler: SampleProfiler,
  env: Record<string, string>,
  node: string = process.execPath
): Promise<SampleApp> {
  const preload = ['--require', require.resolve('tsx/cjs')];
  if (profiler === 'ours') {
    preload.push('--require', join(repoRoot, 'agent', 'src', 'register.ts'));
  } else if (profiler === 'official') {
    preload.push('--require', join(repoRoot, 'tests', 'bench', 'agent', 'pyroscopePreload.ts'));
  }
  const child = spawn(node, [...preload, join(repoRoot, 'samples', 'trigs-api', 'src', 'server.ts')], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errLines: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errLines.push(line));
  const stop = () => stopChild(child, 15000);
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the sample app did not start within 30 s:\n${errLines.join('\n')}`));
    }, 30000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^listening on (http:\/\/\S+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ url: match[1]!, stderr: () => errLines.join('\n'), stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sample app exited with ${code} before listening:\n${errLines.join('\n')}`));
    });
  });
}
