import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import type { BenchStats, BenchWindow } from '../../../samples/trigs-api/src/createBenchControl';
import type { BenchApp } from './buildBenchApp';
import type { AgentEntry } from './findOurAgent';
import { getJson } from './getJson';

/**
 * Which profiler a server runs: none, the official @pyroscope/nodejs (peer), this repository's agent, or V8's
 * CPU profiler alone, never read (the floor every V8-based agent pays).
 */
export type AgentKind = 'none' | 'pyroscope' | 'ours' | 'sampler';

export type SideSpec = { label: string; agent: AgentKind; tracing: boolean; node: string };

/** The rate every profiler side samples at: the agent's default, and the peer's and the floor's setting. */
export const SAMPLE_RATE_HZ = 100;

export type ServerOptions = {
  repoRoot: string;
  app: BenchApp;
  pin: string[];
  /** The ingest receiver the agent uploads to (agent sides only). */
  receiverUrl?: string;
  uploadIntervalS: number;
  loopResolutionMs: number;
  /** Turns on the app's CPU-time stall probe (a 1 ms ticker; only for the stall measurement). */
  stallProbe?: boolean;
  /** Extra flags for Node (e.g. --expose-gc, so that `stats()` can collect garbage first). */
  nodeFlags?: string[];
  ourAgent?: AgentEntry;
};

export interface TrigsServer {
  readonly url: string;
  readonly pid: number;
  benchStart(): Promise<void>;
  benchStop(): Promise<BenchWindow>;
  /** Memory now; `full` first runs a full GC, `reduce` V8's memory-reducing one (both need --expose-gc). */
  stats(gc?: 'full' | 'reduce'): Promise<BenchStats>;
  /** Stops or restarts the server's agent; resolves with whether it has one to switch. */
  profiling(on: boolean): Promise<boolean>;
  /** Whether the process is still running. */
  alive(): boolean;
  /** SIGTERM, then SIGKILL after 8 s; resolves with how it ended and its last stderr lines. */
  stop(): Promise<{ code: number | null; signal: string | null; stderr: string[] }>;
}

const STDERR_LINES = 40;

/**
 * Starts samples/trigs-api (as `buildBenchApp` prepared it) with the benchmark hook on, an OS-picked port,
 * its own clean environment (no PYROSCOPE_* or OTEL_* from the caller) and the side's profiler preloaded with
 * `--require`.
 */
export async function spawnTrigsServer(side: SideSpec, options: ServerOptions): Promise<TrigsServer> {
  const { repoRoot } = options;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.XDG_CACHE_HOME ? { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME } : {}),
    PORT: '0',
    HOST: '127.0.0.1',
    BENCH_CONTROL: '1',
    BENCH_LOOP_RESOLUTION_MS: String(options.loopResolutionMs),
    ...(options.stallProbe ? { BENCH_STALL_PROBE: '1' } : {}),
    OTEL_SERVICE_NAME: 'trigs-api',
    ...(side.tracing ? {} : { OTEL_SDK_DISABLED: 'true' }),
  };
  const preload = [...options.app.loader];
  const intervalUs = String(Math.round(1_000_000 / SAMPLE_RATE_HZ));
  if (side.agent === 'pyroscope') {
    preload.push('--require', options.app.peerPreload);
    Object.assign(env, {
      PYROSCOPE_SERVER_ADDRESS: options.receiverUrl,
      PYROSCOPE_APPLICATION_NAME: 'trigs-api',
      BENCH_PEER_FLUSH_MS: String(options.uploadIntervalS * 1000),
      BENCH_SAMPLE_INTERVAL_US: intervalUs,
    });
  } else if (side.agent === 'sampler') {
    preload.push('--require', options.app.samplerPreload);
    env.BENCH_SAMPLE_INTERVAL_US = intervalUs;
  } else if (side.agent === 'ours') {
    if (!options.ourAgent) {
      throw new Error('the agent side needs agent/src/register.ts or agent/dist/register.js');
    }
    // The agent's TypeScript sources (no fresh build) need tsx, even where the app does not.
    if (options.ourAgent.path.endsWith('.ts') && options.app.loader.length === 0) {
      preload.push('--require', require.resolve('tsx/cjs'));
    }
    preload.push('--require', options.ourAgent.path);
    Object.assign(env, {
      PYROSCOPE_ENABLED: 'true',
      PYROSCOPE_SERVER_ADDRESS: options.receiverUrl,
      PYROSCOPE_APPLICATION_NAME: 'trigs-api',
      PYROSCOPE_SAMPLE_RATE: String(SAMPLE_RATE_HZ),
      PYROSCOPE_UPLOAD_INTERVAL: `${options.uploadIntervalS}s`,
      PYROSCOPE_LOG_LEVEL: 'warn',
    });
  }
  const [command, ...prefix] = [...options.pin, side.node];
  const child: ChildProcess = spawn(
    command!,
    [...prefix, ...(options.nodeFlags ?? []), ...preload, options.app.server],
    {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > STDERR_LINES) {
      stderr.shift();
    }
  });
  let exited = false;
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    })
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${side.label}: no "listening on" line within 60 s; stderr: ${stderr.join(' | ')}`)),
      60000
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^listening on (http:\/\/\S+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${side.label}: exited (${code ?? signal}) before listening; stderr: ${stderr.join(' | ')}`));
    });
  });

  return {
    url,
    pid: child.pid!,
    benchStart: async () => {
      await getJson(`${url}/__bench/start`);
    },
    benchStop: () => getJson<BenchWindow>(`${url}/__bench/stop`),
    stats: (gc) =>
      getJson<BenchStats>(`${url}/__bench/stats${gc === undefined ? '' : gc === 'full' ? '?gc=1' : '?gc=reduce'}`),
    profiling: async (on) => (await getJson<{ agent: boolean }>(`${url}/__bench/profiling?on=${on ? 1 : 0}`)).agent,
    alive: () => !exited,
    stop: async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
        const ended = await exit;
        clearTimeout(timer);
        return { ...ended, stderr };
      }
      return { ...(await exit), stderr };
    },
  };
}
