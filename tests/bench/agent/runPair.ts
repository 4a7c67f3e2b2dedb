import { setTimeout as sleep } from 'node:timers/promises';

import type { PhaseReport } from '../../../samples/load-generator/src/types';
import type { BenchStats, BenchWindow } from '../../../samples/trigs-api/src/createBenchControl';
import { gcRegimesMatch } from './gcRegimesMatch';
import { readCpuBusy } from './readCpuBusy';
import { type MallocInfo, readMallocInfo } from './readMallocInfo';
import { readRssSplit, type RssSplit } from './readRssSplit';
import type { SideSpec, TrigsServer } from './spawnTrigsServer';
import { median } from './spread';
import { type PairSetup, startPair } from './startPair';
import { uploadRate, type UploadRate } from './uploadRate';

export type PairSettings = PairSetup & {
  windowS: number;
  /** Start and measure the baseline side first (the benchmark alternates this between pairs). */
  baselineFirst: boolean;
};

/** Memory at rest after the window (medians over the samples; see `MEMORY_SAMPLES`), MB. */
export type RestingMemory = {
  rss_mb: number;
  /** JS heap in use plus Buffers/ArrayBuffers. */
  retained_mb: number;
  heap_physical_mb: number;
  native_mb: number;
  /** RSS split into private anonymous pages and mapped files' pages (null without /proc). */
  rss_anon_mb: number | null;
  rss_file_mb: number | null;
};

/** One server's memory at one resting moment: its own report, and the kernel's split read right after it. */
type RestingSample = BenchStats & { split: RssSplit | undefined };

export type SideResult = {
  resting: RestingMemory;
  /** glibc's own account after the resting samples (undefined without gdb or ptrace). */
  malloc?: MallocInfo;
  label: string;
  window: BenchWindow;
  load: PhaseReport;
  uploads: UploadRate;
  exit: string;
  stderr: string[];
};

export type PairResult = {
  with: SideResult;
  without: SideResult;
  /** The agent side's CPU beyond what the baseline spent per request, per wall-second of the window. */
  extra_cpu_ms_per_s: number;
  overhead_pct: number;
  p99_ratio: number;
  /** Whether both sides ran in the same GC regime over the window (gcRegimesMatch); if not, the CPU figure is suspect. */
  gc_regimes_match: boolean;
  /**
   * RSS the agent side holds beyond the baseline at rest: both sides sampled together after the load has
   * stopped, each right after a memory-reducing full GC, median of the per-sample differences. Everything the
   * agent keeps (its code, V8's profiler and its code map, the window being sampled, queued uploads, native
   * allocations) counts; the GC heap's slack, which follows the app's allocation rate, does not.
   */
  rss_delta_mb: number;
  /** The same for the JS heap in use plus Buffers, for V8's committed heap pages and for the rest of RSS. */
  retained_delta_mb: number;
  heap_physical_delta_mb: number;
  native_delta_mb: number;
  /**
   * RSS split the kernel's way: private anonymous memory (what the agent allocates, with V8's profiler), and
   * pages of mapped files, mostly the node binary's code that the profiler and the agent run (shared with
   * every process of that binary, and reclaimable). Null without /proc.
   */
  rss_anon_delta_mb: number | null;
  rss_file_delta_mb: number | null;
  /**
   * The native part split by glibc's `malloc_info()` (read through gdb after the resting samples; null where
   * that is not possible): memory malloc'd and still in use, and free chunks malloc keeps (allocator slack,
   * which follows the high-water of each thread's arena, e.g. V8's compiler threads).
   */
  malloc_in_use_delta_mb: number | null;
  malloc_free_delta_mb: number | null;
  /** Of the free memory's difference, the main arena's (the rest is other threads' arenas). */
  malloc_main_arena_free_delta_mb: number | null;
  /** RSS once both sides listen, before any load: the start-up cost (as the anchor's "RSS at listen"). */
  rss_at_listen_delta_mb: number;
  /** RSS at the end of the loaded window, agent side minus baseline (includes GC heap sizing noise). */
  rss_under_load_delta_mb: number;
  hwm_delta_mb: number;
  loop_max_delta_ms: number;
  /** With the stall probe: longest busy stretch (own CPU time between 1 ms ticks), agent side minus baseline. */
  busy_gap_max_delta_ms: number | null;
  /** Busy CPU time of other processes on the machine during the window, per second (noise indicator). */
  foreign_cpu_ms_per_s: number | null;
};

/**
 * One same-CPU pair: the agent side and the baseline side run at once, both pinned to the server CPU, each
 * driven by its own closed-loop load generator on the client CPU, warmed up, then measured over the same
 * window. The scheduler time-slices the two servers every few ms, so the host's speed swings hit both alike.
 */
export async function runPair(
  agentSide: SideSpec,
  baselineSide: SideSpec,
  settings: PairSettings
): Promise<PairResult> {
  const order = settings.baselineFirst ? ([baselineSide, agentSide] as const) : ([agentSide, baselineSide] as const);
  const pair = await startPair(order, settings, settings.windowS);
  const { servers, generators, receivers } = pair;
  try {
    // A plain full GC on every side, so that V8 sizes each heap from its measured GC and mutator speeds.
    // Without it the window caught the start-up headroom (the first mark-compact, during start-up, grows
    // the old-generation limit by V8's maximum factor) running out at different times on the two sides: the
    // agent side, whose start-up heap is larger, ran 0 mark-compacts in the window against 16–26 on the
    // baseline, 200 ms less GC and an agent cost ~5 ms/s too low (agent/MEASUREMENTS.md, session 5).
    await Promise.all(servers.map((server) => server.stats('full')));
    const busyBefore = readCpuBusy();
    const driverBefore = process.cpuUsage();
    const from = Date.now();
    await Promise.all(servers.map((server) => server.benchStart()));
    generators.forEach((generator) => generator.go());
    await sleep(settings.windowS * 1000);
    const windows = await Promise.all(servers.map((server) => server.benchStop()));
    const to = Date.now();
    const driverCpu = process.cpuUsage(driverBefore);
    const busyAfter = readCpuBusy();
    const reports = await Promise.all(generators.map((generator) => generator.stop()));
    // After the window and the load, so the forced GCs cost no measured CPU and both sides are at rest.
    const memory = await sampleRestingMemory(servers);
    const malloc = await Promise.all(servers.map((server) => readMallocInfo(server.pid)));
    const exits = await Promise.all(servers.map((server) => server.stop()));

    const sides = order.map((side, index): SideResult => ({
      label: side.label,
      window: windows[index]!,
      resting: medianMemory(memory.map((sample) => sample[index]!)),
      ...(malloc[index] ? { malloc: malloc[index] } : {}),
      load: reports[index]!.measured,
      uploads: uploadRate(receivers[index]!.uploads, from, to),
      exit: String(exits[index]!.code ?? exits[index]!.signal),
      stderr: exits[index]!.stderr.slice(-5),
    }));
    const withIndex = settings.baselineFirst ? 1 : 0;
    const [withSide, withoutSide] = [sides[withIndex]!, sides[1 - withIndex]!];
    const perRequestWithout = withoutSide.window.cpu_ms / withoutSide.window.requests_total;
    const extraMs = withSide.window.cpu_ms - withSide.window.requests_total * perRequestWithout;
    const ours =
      windows.reduce((sum, window) => sum + window.cpu_ms, 0) +
      reports.reduce((sum, report) => sum + report.measured.cpu_ms, 0) +
      (driverCpu.user + driverCpu.system) / 1000;
    const busy = Object.keys(busyAfter).reduce((sum, cpu) => sum + busyAfter[cpu]! - (busyBefore[cpu] ?? 0), 0);
    return {
      with: withSide,
      without: withoutSide,
      extra_cpu_ms_per_s: extraMs / (withSide.window.wall_ms / 1000),
      overhead_pct: (withSide.window.cpu_ms / withSide.window.requests_total / perRequestWithout - 1) * 100,
      p99_ratio: withSide.load.latency_ms.p99 / withoutSide.load.latency_ms.p99,
      gc_regimes_match: gcRegimesMatch(withSide.window.gc.major, withoutSide.window.gc.major),
      rss_delta_mb: medianDelta(memory, withIndex, (stats) => stats.rss_mb),
      retained_delta_mb: medianDelta(memory, withIndex, (stats) => stats.heap_used_mb + stats.external_mb),
      heap_physical_delta_mb: medianDelta(memory, withIndex, (stats) => stats.heap_physical_mb),
      native_delta_mb: medianDelta(memory, withIndex, (stats) => stats.native_mb),
      rss_anon_delta_mb: splitDelta(memory, withIndex, (split) => split.anon_mb),
      rss_file_delta_mb: splitDelta(memory, withIndex, (split) => split.file_mb),
      malloc_in_use_delta_mb: mallocDelta(withSide, withoutSide, (info) => info.in_use_mb),
      malloc_free_delta_mb: mallocDelta(withSide, withoutSide, (info) => info.free_mb),
      malloc_main_arena_free_delta_mb: mallocDelta(withSide, withoutSide, (info) => info.main_arena_free_mb),
      rss_at_listen_delta_mb: pair.atListen[withIndex]!.rss_mb - pair.atListen[1 - withIndex]!.rss_mb,
      rss_under_load_delta_mb: withSide.window.rss_mb - withoutSide.window.rss_mb,
      hwm_delta_mb: withSide.window.hwm_mb - withoutSide.window.hwm_mb,
      loop_max_delta_ms: withSide.window.loop_delay_max_ms - withoutSide.window.loop_delay_max_ms,
      busy_gap_max_delta_ms:
        withSide.window.busy_gap_top_ms?.[0] !== undefined && withoutSide.window.busy_gap_top_ms?.[0] !== undefined
          ? withSide.window.busy_gap_top_ms[0] - withoutSide.window.busy_gap_top_ms[0]
          : null,
      foreign_cpu_ms_per_s: Object.keys(busyAfter).length ? Math.max(0, busy - ours) / ((to - from) / 1000) : null,
    };
  } finally {
    await pair.close();
  }
}

/** Idle time before the first resting sample (the last requests' garbage, sockets closing). */
const SETTLE_MS = 2000;
/** Resting samples per pair, one a second: their median is steady against one GC catching a transient. */
const MEMORY_SAMPLES = 5;

/** Memory of every server at the same moments, each right after a memory-reducing full GC. */
async function sampleRestingMemory(servers: readonly TrigsServer[]): Promise<RestingSample[][]> {
  await sleep(SETTLE_MS);
  const samples: RestingSample[][] = [];
  for (let i = 0; i < MEMORY_SAMPLES; i++) {
    samples.push(
      await Promise.all(
        servers.map(async (server) => ({ ...(await server.stats('reduce')), split: readRssSplit(server.pid) }))
      )
    );
    await sleep(1000);
  }
  return samples;
}

function medianDelta(samples: RestingSample[][], withIndex: number, field: (stats: RestingSample) => number): number {
  return median(samples.map((sample) => field(sample[withIndex]!) - field(sample[1 - withIndex]!)));
}

function splitDelta(samples: RestingSample[][], withIndex: number, field: (split: RssSplit) => number): number | null {
  const complete = samples.every((sample) => sample.every((stats) => stats.split !== undefined));
  return complete ? medianDelta(samples, withIndex, (stats) => field(stats.split!)) : null;
}

function mallocDelta(
  withSide: SideResult,
  withoutSide: SideResult,
  field: (info: MallocInfo) => number
): number | null {
  return withSide.malloc && withoutSide.malloc ? field(withSide.malloc) - field(withoutSide.malloc) : null;
}

function medianMemory(samples: RestingSample[]): RestingMemory {
  const split = (field: (split: RssSplit) => number): number | null =>
    samples.every((stats) => stats.split !== undefined) ? median(samples.map((stats) => field(stats.split!))) : null;
  return {
    rss_mb: median(samples.map((stats) => stats.rss_mb)),
    retained_mb: median(samples.map((stats) => stats.heap_used_mb + stats.external_mb)),
    heap_physical_mb: median(samples.map((stats) => stats.heap_physical_mb)),
    native_mb: median(samples.map((stats) => stats.native_mb)),
    rss_anon_mb: split((parts) => parts.anon_mb),
    rss_file_mb: split((parts) => parts.file_mb),
  };
}
