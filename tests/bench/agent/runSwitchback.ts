import { setTimeout as sleep } from 'node:timers/promises';

import type { BenchWindow } from '../../../samples/trigs-api/src/createBenchControl';
import type { SideSpec } from './spawnTrigsServer';
import { type PairSetup, startPair } from './startPair';
import { switchbackEstimate } from './switchbackEstimate';

export type SwitchbackSettings = PairSetup & {
  /** Measured blocks; the profiling process changes every block (an even number, so each is on as often). */
  blocks: number;
  blockS: number;
  /** Time after each switch before the block opens: the agent's start, first short window and flush. */
  settleS: number;
};

export type SwitchbackResult = {
  /** The profiling process's extra CPU per wall-second against the other, ms/s (`switchbackEstimate`). */
  extra_cpu_ms_per_s: number;
  /** The plain mean over all blocks, which every change of the processes' offset moves. */
  mean_extra_cpu_ms_per_s: number;
  /** Per block, in order: the profiling process's extra CPU per wall-second against the other. */
  block_extras_ms_per_s: number[];
  /** The same, per process. */
  per_process_ms_per_s: number[];
  /** CPU per request with the agent over without, per process, in %. */
  overhead_pct: number[];
  /** Per block: which process profiled (-1: no agent to switch) and both processes' windows. */
  blocks: Array<{ profiling: number; windows: BenchWindow[] }>;
};

/**
 * A switchback pair: two identical processes with the agent preloaded share the server CPU under equal load,
 * and in alternating blocks one of them profiles while the other has its agent stopped. Within a block the
 * profiling process is compared with the other one, as in a same-CPU pair (both see the same moment of the
 * machine: across blocks CPU per request drifts by up to 10 % here, within one the two processes agree to
 * 1–3 %); across blocks the roles swap, so a difference between the two processes themselves (JIT decisions,
 * GC regimes: ±20 % CPU per request between two Node 24 processes here) adds to half of the blocks and takes
 * from the other half, and cancels in each two neighbouring blocks (`switchbackEstimate`). With no agent on
 * either side (`side.agent === 'none'`) the same arithmetic is the method's A/A control.
 */
export async function runSwitchback(side: SideSpec, settings: SwitchbackSettings): Promise<SwitchbackResult> {
  const pair = await startPair([side, side], settings, settings.blocks * (settings.blockS + settings.settleS));
  const { servers, generators } = pair;
  try {
    const blocks: SwitchbackResult['blocks'] = [];
    // As in runPair: a plain full GC in both, so that neither runs on its start-up heap headroom.
    await Promise.all(servers.map((server) => server.stats('full')));
    generators.forEach((generator) => generator.go());
    for (let block = 0; block < settings.blocks; block++) {
      const on = block % 2;
      // Stop first, then start: never both profiling at once.
      const switched = await servers[1 - on]!.profiling(false);
      await servers[on]!.profiling(true);
      await sleep(settings.settleS * 1000);
      await Promise.all(servers.map((server) => server.benchStart()));
      await sleep(settings.blockS * 1000);
      blocks.push({ profiling: switched ? on : -1, windows: await Promise.all(servers.map((s) => s.benchStop())) });
    }
    await Promise.all(generators.map((generator) => generator.stop()));
    const perBlock = blocks.map((block, index) => extraIn(block.windows, index % 2));
    const perProcess = [0, 1].map((index) => meanOf(perBlock.filter((_, block) => block % 2 === index)));
    const blockExtras = perBlock.map((block) => block.extraMsPerS);
    return {
      extra_cpu_ms_per_s: switchbackEstimate(blockExtras),
      mean_extra_cpu_ms_per_s: (perProcess[0]!.extraMsPerS + perProcess[1]!.extraMsPerS) / 2,
      block_extras_ms_per_s: blockExtras,
      per_process_ms_per_s: perProcess.map((result) => result.extraMsPerS),
      overhead_pct: perProcess.map((result) => result.overheadPct),
      blocks,
    };
  } finally {
    await pair.close();
  }
}

type BlockExtra = { extraMsPerS: number; overheadPct: number };

/** The mean of one process's profiling blocks (its CPU beyond the other's per request, in the same block). */
function meanOf(blocks: BlockExtra[]): BlockExtra {
  const mean = (pick: (block: BlockExtra) => number): number =>
    blocks.reduce((sum, block) => sum + pick(block), 0) / blocks.length;
  return { extraMsPerS: mean((block) => block.extraMsPerS), overheadPct: mean((block) => block.overheadPct) };
}

/** One block: process `index` (profiling) against the other, as in a same-CPU pair. */
function extraIn(windows: BenchWindow[], index: number): BlockExtra {
  const [on, off] = [windows[index]!, windows[1 - index]!];
  const perRequestOff = off.cpu_ms / off.requests_total;
  return {
    extraMsPerS: (on.cpu_ms - on.requests_total * perRequestOff) / (on.wall_ms / 1000),
    overheadPct: (on.cpu_ms / on.requests_total / perRequestOff - 1) * 100,
  };
}
