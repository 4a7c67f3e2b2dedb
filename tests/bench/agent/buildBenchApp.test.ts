import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

import { buildBenchApp } from './buildBenchApp';

const repoRoot = resolve(__dirname, '..', '..', '..');
// The thread V8's CPU profiler runs while a profile is being recorded.
const PROFILER_THREAD = 'v8:ProfEvntProc';

function threadNames(pid: number): string[] {
  const tasks = `/proc/${pid}/task`;
  return readdirSync(tasks).map((tid) => readFileSync(join(tasks, tid, 'comm'), 'utf8').trim());
}

/** How the process ended: its exit code, or the signal that killed it (the other one is null). */
type Exit = { code: number | null; signal: NodeJS.Signals | null };
type Running = { child: ChildProcess; exited: Promise<Exit> };
/** A drained server: it exits by itself with 0, no signal kills it. */
const CLEAN_EXIT: Exit = { code: 0, signal: null };

/** Starts `server` with `preload` (loader first), resolves once it listens. */
async function startServer(server: string, preload: string[]): Promise<Running> {
  const child = spawn(process.execPath, [...preload, server], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', OTEL_SDK_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Listened for from the start, so an exit before `stop` is seen too.
  const exited = once(child, 'exit').then(([code, signal]): Exit => ({ code, signal }));
  await new Promise<void>((resolveListen, reject) => {
    void exited.then((exit) => reject(new Error(`the server exited (${JSON.stringify(exit)}) before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('listening on http://127.0.0.1:')) {
        resolveListen();
      }
    });
  });
  return { child, exited };
}

/** Whether V8's profiler thread shows up in the server; then SIGTERM, resolving with both answers. */
async function probeAndStop(running: Running): Promise<{ profiling: boolean; exit: Exit }> {
  let profiling = false;
  try {
    profiling = await hasProfilerThread(running.child.pid!);
  } finally {
    running.child.kill('SIGTERM');
  }
  return { profiling, exit: await running.exited };
}

async function hasProfilerThread(pid: number): Promise<boolean> {
  // The preload starts the profiler after two inspector round trips, so it may come a moment after listening.
  for (let attempt = 0; attempt < 20; attempt++) {
    if (threadNames(pid).includes(PROFILER_THREAD)) {
      return true;
    }
    await sleep(100);
  }
  return false;
}

describe.each(['built', 'tsx'] as const)('buildBenchApp (%s)', (mode) => {
  const app = buildBenchApp(repoRoot, mode);

  it('prepares a server that runs with no profiler of its own and stops cleanly on SIGTERM', async () => {
    const result = await probeAndStop(await startServer(app.server, app.loader));
    expect(result).toEqual({ profiling: false, exit: CLEAN_EXIT });
  }, 20_000);

  it("prepares the floor's preload, which runs V8's CPU profiler in the server", async () => {
    const result = await probeAndStop(await startServer(app.server, [...app.loader, '--require', app.samplerPreload]));
    expect(result).toEqual({ profiling: true, exit: CLEAN_EXIT });
  }, 20_000);

  it('tells a server killed by a signal from one that exited by itself', async () => {
    const running = await startServer(app.server, app.loader);
    running.child.kill('SIGKILL');
    expect(await running.exited).toEqual({ code: null, signal: 'SIGKILL' });
  }, 20_000);

  it("prepares the peer's preload, whose @pyroscope/nodejs resolves from the repository's node_modules", () => {
    expect(readFileSync(app.peerPreload, 'utf8')).toMatch(/(from '|require\(")@pyroscope\/nodejs/);
    expect(() => require.resolve('@pyroscope/nodejs', { paths: [dirname(app.peerPreload)] })).not.toThrow();
  });
});

it('builds plain JavaScript that needs no loader, and puts the sources under tsx otherwise', () => {
  const built = buildBenchApp(repoRoot, 'built');
  expect(built.loader).toEqual([]);
  expect([built.server, built.samplerPreload, built.peerPreload].every((path) => path.endsWith('.js'))).toBe(true);
  const tsx = buildBenchApp(repoRoot, 'tsx');
  expect(tsx.loader).toEqual(['--require', require.resolve('tsx/cjs')]);
  expect(tsx.server).toBe(join(repoRoot, 'samples', 'trigs-api', 'src', 'server.ts'));
});
