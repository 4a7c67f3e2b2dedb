import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePorts } from '../support/freePorts';
import { buildPyroscope } from './buildPyroscope';

export type RunningPyroscope = {
  url: string;
  port: number;
  dataDir: string;
  /** The last lines Pyroscope logged, for error messages. */
  logTail(): string;
  stop(): Promise<void>;
};

export type LaunchOptions = {
  /** HTTP port; a free one when absent. */
  port?: number;
  /** Keep the data directory between runs (for restart tests); a fresh temp dir when absent. */
  dataDir?: string;
  /** Extra `-flag=value` arguments (e.g. multi-tenancy). */
  extraArgs?: string[];
  readyTimeoutMs?: number;
  log?: (line: string) => void;
  /** How ports are chosen; `freePorts` when absent (tests of the retry pass one that hands out a busy port). */
  pickPorts?: (count: number) => Promise<number[]>;
};

/** Starts tried before giving up on port clashes: a picked port can be taken by another socket before Pyroscope binds it. */
const PORT_CLASH_ATTEMPTS = 3;

class PortClash extends Error {}

/**
 * Starts a real single-process Pyroscope on loopback with filesystem storage, waits until /ready answers
 * 200, and returns its URL. Every component's ring address is pinned to 127.0.0.1 because machines here
 * have no routable interface for Pyroscope to discover.
 */
export async function launchPyroscope(options: LaunchOptions = {}): Promise<RunningPyroscope> {
  const binary = await buildPyroscope(options.log);
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(binary, options);
    } catch (error) {
      if (!(error instanceof PortClash) || attempt === PORT_CLASH_ATTEMPTS) {
        throw error;
      }
      options.log?.(`Pyroscope found a port taken (attempt ${attempt}); starting again on other ports`);
    }
  }
}

async function launchOnce(binary: string, options: LaunchOptions): Promise<RunningPyroscope> {
  const [port, grpcPort, gossipPort] = await pickPorts(options);
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pyroscope-'));
  const loopback = [
    'compactor.ring.instance-addr',
    'distributor.ring.instance-addr',
    'ingester.lifecycler.addr',
    'overrides-exporter.ring.instance-addr',
    'query-frontend.instance-addr',
    'query-scheduler.ring.instance-addr',
    'store-gateway.sharding-ring.instance-addr',
    'memberlist.advertise-addr',
    'memberlist.bind-addr',
    'server.http-listen-address',
    'server.grpc-listen-address',
  ].map((flag) => `-${flag}=127.0.0.1`);
  const args = [
    '-target=all',
    ...loopback,
    `-server.http-listen-port=${port}`,
    `-server.grpc-listen-port=${grpcPort}`,
    `-memberlist.bind-port=${gossipPort}`,
    `-memberlist.advertise-port=${gossipPort}`,
    `-memberlist.join=127.0.0.1:${gossipPort}`,
    '-ingester.min-ready-duration=0s',
    '-self-profiling.disable-push=true',
    '-usage-stats.enabled=false',
    '-tracing.enabled=false',
    '-config.show_banner=false',
    '-storage.backend=filesystem',
    `-storage.filesystem.dir=${join(dataDir, 'bucket')}`,
    `-pyroscopedb.data-path=${join(dataDir, 'data')}`,
    `-compactor.data-dir=${join(dataDir, 'compactor')}`,
    ...(options.extraArgs ?? []),
  ];
  // Pyroscope logs into a file, not a pipe: a pipe nobody drains (the parent busy in a synchronous call)
  // fills up and blocks Pyroscope mid-query.
  const logFile = join(dataDir, 'pyroscope.log');
  const logFd = openSync(logFile, 'a');
  const child = spawn(binary, args, { cwd: dataDir, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const tail = () => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').filter(Boolean).slice(-40).join('\n');
    } catch {
      return '';
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const running: RunningPyroscope = {
    url,
    port,
    dataDir,
    logTail: tail,
    stop: () =>
      stopProcess(child).then(() => (ownsDataDir ? rmSync(dataDir, { recursive: true, force: true }) : undefined)),
  };
  try {
    await waitReady(url, child, options.readyTimeoutMs ?? 60000);
  } catch (error) {
    const lastLines = running.logTail();
    await running.stop();
    const Failure = /address already in use/.test(lastLines) ? PortClash : Error;
    throw new Failure(`${(error as Error).message}\nPyroscope's last log lines:\n${lastLines}`);
  }
  return running;
}

/** HTTP, gRPC and gossip ports, distinct, the HTTP one as asked when given. */
async function pickPorts(options: LaunchOptions): Promise<[number, number, number]> {
  const picked = (await (options.pickPorts ?? freePorts)(3)).filter((port) => port !== options.port);
  const [http, grpc, gossip] = options.port === undefined ? picked : [options.port, ...picked];
  if (http === undefined || grpc === undefined || gossip === undefined) {
    throw new Error(`expected three ports for Pyroscope, got ${picked.join(', ')}`);
  }
  return [http, grpc, gossip];
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Pyroscope exited with code ${child.exitCode} before it was ready`);
    }
    try {
      const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2000) });
      last = `${response.status} ${(await response.text()).trim()}`;
      if (response.ok) {
        return;
      }
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Pyroscope at ${url} was not ready within ${timeoutMs} ms (last answer: ${last})`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
