import type { BenchStats } from '../../../samples/trigs-api/src/createBenchControl';
import type { BenchApp } from './buildBenchApp';
import type { AgentEntry } from './findOurAgent';
import type { Pinning } from './pinning';
import { type LoadGenerator, spawnLoadGenerator, type LoadSettings } from './spawnLoadGenerator';
import { spawnTrigsServer, type SideSpec, type TrigsServer } from './spawnTrigsServer';
import { type IngestReceiver, startIngestReceiver } from './startIngestReceiver';

export type PairSetup = {
  repoRoot: string;
  app: BenchApp;
  pinning: Pinning;
  ourAgent?: AgentEntry;
  load: Omit<LoadSettings, 'maxDurationS'>;
  uploadIntervalS: number;
  loopResolutionMs: number;
  stallProbe?: boolean;
  /** Flags for both servers beyond --expose-gc (`--node-flags`). */
  nodeFlags?: string[];
};

/** Two servers sharing the server CPU, each with its own ingest receiver and warmed-up load generator. */
export type RunningPair = {
  servers: TrigsServer[];
  generators: LoadGenerator[];
  receivers: IngestReceiver[];
  /** Each server's memory once both listen, before any load. */
  atListen: BenchStats[];
  /** Kills the generators, stops the servers (SIGTERM, then SIGKILL) and closes the receivers. */
  close(): Promise<void>;
};

/**
 * Starts `sides` (in that order) pinned to the server CPU, their load generators pinned to the client CPU, and
 * resolves once every generator has warmed up and waits for `go()`. Generators end by themselves after
 * `measureS` plus a margin. On failure, everything started so far is stopped before the error is thrown.
 */
export async function startPair(sides: readonly SideSpec[], setup: PairSetup, measureS: number): Promise<RunningPair> {
  const { pinning, repoRoot } = setup;
  const receivers = await Promise.all(sides.map(() => startIngestReceiver()));
  const servers: TrigsServer[] = [];
  const generators: LoadGenerator[] = [];
  const close = async (): Promise<void> => {
    generators.forEach((generator) => generator.kill());
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all(receivers.map((receiver) => receiver.close()));
  };
  try {
    // Both sides start together; which one is listed first alternates between pairs.
    const started = await Promise.allSettled(
      sides.map((side, index) =>
        spawnTrigsServer(side, {
          repoRoot,
          app: setup.app,
          pin: pinning.prefix(pinning.serverCpu),
          receiverUrl: receivers[index]!.url,
          uploadIntervalS: setup.uploadIntervalS,
          loopResolutionMs: setup.loopResolutionMs,
          stallProbe: setup.stallProbe,
          nodeFlags: ['--expose-gc', ...(setup.nodeFlags ?? [])],
          ourAgent: setup.ourAgent,
        })
      )
    );
    for (const result of started) {
      if (result.status === 'fulfilled') {
        servers.push(result.value);
      }
    }
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      throw (failed as PromiseRejectedResult).reason;
    }
    // No GC forced here: this is the start-up figure. runPair and runSwitchback put both heaps in the same
    // state after the warm-up.
    const atListen = await Promise.all(servers.map((server) => server.stats()));
    for (const server of servers) {
      generators.push(
        spawnLoadGenerator(repoRoot, pinning.prefix(pinning.clientCpu), server.url, {
          ...setup.load,
          maxDurationS: measureS + 120,
        })
      );
    }
    await Promise.all(generators.map((generator) => generator.warm));
    return { servers, generators, receivers, atListen, close };
  } catch (error) {
    await close();
    throw error;
  }
}
