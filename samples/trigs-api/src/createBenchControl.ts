import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

import { findAgentModule } from './findAgentModule';

/**
 * The opt-in benchmark hook (`BENCH_CONTROL=1`, never on by default): a measured window opened by
 * `/__bench/start` and closed by `/__bench/stop`, which answers this process's own CPU (all threads, so an
 * agent's worker threads count), memory, event-loop delay and completed requests per route over the window.
 * `/__bench/stats` answers memory at any time, for sampling RSS during an outage (`?gc=1` runs a full GC
 * first when the process was started with --expose-gc, so retained memory shows without GC noise;
 * `?gc=reduce` runs V8's memory-reducing full GC instead and answers once V8 has handed the freed pages back,
 * so what the process holds at rest shows without the slack of its GC heap sizing). `/__bench/profiling?on=0`
 * stops this process's agent and `?on=1` starts it again (the switchback benchmark); it answers whether an
 * agent is there to switch.
 */
export interface BenchControl {
  /** Answers a `/__bench/*` request and returns true; leaves any other request alone and returns false. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  countRequest(route: string): void;
}

export type BenchWindow = {
  wall_ms: number;
  cpu_ms: number;
  cpu_user_ms: number;
  cpu_system_ms: number;
  requests: Record<string, number>;
  requests_total: number;
  rss_start_mb: number;
  rss_mb: number;
  hwm_mb: number;
  heap_used_mb: number;
  loop_delay_max_ms: number;
  loop_delay_p99_ms: number;
  loop_delay_mean_ms: number;
  /** The profiling agent's own counters at the end of the window, where it offers them; null otherwise. */
  agent_stats: Record<string, unknown> | null;
  /** With the stall probe on: the longest stretches of this process's own CPU time between 1 ms ticks. */
  busy_gap_top_ms: number[] | null;
  /** Garbage collections in the window: full (mark-compact) and young-generation ones, and their time. */
  gc: GcCounts;
};

export type GcCounts = { major: number; minor: number; ms: number };

export type BenchStats = {
  rss_mb: number;
  hwm_mb: number;
  heap_used_mb: number;
  /** Memory of Buffers and ArrayBuffers outside the JS heap (queued uploads live here). */
  external_mb: number;
  /** Pages V8's heap has committed (all spaces, code included). */
  heap_physical_mb: number;
  /** RSS outside V8's heap and Buffers: native code, malloc'd memory (e.g. a profiler's own), thread stacks. */
  native_mb: number;
  /** Whether a full GC ran first (`?gc=1` or `?gc=reduce` on a process started with --expose-gc). */
  gc: boolean;
  uptime_s: number;
};

/**
 * `resolutionMs` is the event-loop delay monitor's timer period (lower catches shorter stalls, costs more).
 * `stallProbe` adds a 1 ms ticker that measures, between consecutive ticks, the CPU time this process used:
 * unlike the wall-clock delay, that is not inflated when other processes hold the CPU, so its maximum is the
 * longest stretch the event loop was kept busy (by requests, GC or an agent's flush).
 */
export function createBenchControl(resolutionMs = 10, stallProbe = false): BenchControl {
  const loopDelay = monitorEventLoopDelay({ resolution: resolutionMs });
  loopDelay.enable();
  const busyGaps = stallProbe ? startBusyGapProbe() : undefined;
  const gcs = countGcs();
  let counts: Record<string, number> = {};
  let start = { cpu: process.cpuUsage(), at: process.hrtime.bigint(), rss: process.memoryUsage.rss() };

  const windowSoFar = (): BenchWindow => {
    const cpu = process.cpuUsage(start.cpu);
    const memory = process.memoryUsage();
    return {
      wall_ms: round(Number(process.hrtime.bigint() - start.at) / 1e6),
      cpu_ms: round((cpu.user + cpu.system) / 1000),
      cpu_user_ms: round(cpu.user / 1000),
      cpu_system_ms: round(cpu.system / 1000),
      requests: counts,
      requests_total: Object.values(counts).reduce((sum, count) => sum + count, 0),
      rss_start_mb: mb(start.rss),
      rss_mb: mb(memory.rss),
      hwm_mb: highWaterMarkMb(),
      heap_used_mb: mb(memory.heapUsed),
      loop_delay_max_ms: round(loopDelay.max / 1e6, 3),
      loop_delay_p99_ms: round(loopDelay.percentile(99) / 1e6, 3),
      loop_delay_mean_ms: round(loopDelay.mean / 1e6, 3),
      agent_stats: agentStats(),
      busy_gap_top_ms: busyGaps ? busyGaps.top().map((gap) => round(gap, 3)) : null,
      gc: gcs.counts(),
    };
  };

  const answer = (response: ServerResponse, status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    response.end(text);
  };

  return {
    handle(request, response) {
      const path = (request.url ?? '').split('?')[0]!;
      if (!path.startsWith('/__bench/')) {
        return false;
      }
      request.resume();
      if (path === '/__bench/start') {
        counts = {};
        loopDelay.reset();
        busyGaps?.reset();
        gcs.reset();
        start = { cpu: process.cpuUsage(), at: process.hrtime.bigint(), rss: process.memoryUsage.rss() };
        answer(response, 200, { started: true });
      } else if (path === '/__bench/stop') {
        answer(response, 200, windowSoFar());
      } else if (path === '/__bench/stats') {
        const gc = (globalThis as { gc?: (options?: object) => void }).gc;
        const url = request.url ?? '';
        if (gc !== undefined && url.includes('gc=reduce')) {
          // Two plain full GCs first: Node 20's V8 (11.3) runs the options call below as a young-generation
          // scavenge only, which would leave old-space garbage in the figure. The memory-reducing GC then also
          // shrinks the young generation (newer V8), whose size follows the recent allocation rate; V8 unmaps
          // the freed pages on a background thread shortly after.
          gc();
          gc();
          gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
          setTimeout(() => answer(response, 200, memoryStats(true)), UNMAP_WAIT_MS);
        } else {
          const collect = gc !== undefined && url.includes('gc=1');
          if (collect) {
            gc();
          }
          answer(response, 200, memoryStats(collect));
        }
      } else if (path === '/__bench/profiling') {
        const agent = findAgentModule();
        if (agent?.start === undefined || agent.stop === undefined) {
          answer(response, 200, { agent: false });
        } else if ((request.url ?? '').includes('on=1')) {
          agent.start();
          answer(response, 200, { agent: true });
        } else {
          void agent.stop().then(() => answer(response, 200, { agent: true }));
        }
      } else {
        answer(response, 404, {
          error: 'bench control answers /__bench/start, /__bench/stop, /__bench/stats and /__bench/profiling',
        });
      }
      return true;
    },
    countRequest(route) {
      counts[route] = (counts[route] ?? 0) + 1;
    },
  };
}

/** Leaves V8's background unmapper time after a memory-reducing GC (it took ~10 ms here when idle). */
const UNMAP_WAIT_MS = 300;

function memoryStats(gc: boolean): BenchStats {
  const memory = process.memoryUsage();
  const heap = getHeapStatistics();
  return {
    rss_mb: mb(memory.rss),
    hwm_mb: highWaterMarkMb(),
    heap_used_mb: mb(memory.heapUsed),
    external_mb: mb(memory.external),
    heap_physical_mb: mb(heap.total_physical_size),
    native_mb: mb(memory.rss - heap.total_physical_size - memory.external),
    gc,
    uptime_s: round(process.uptime()),
  };
}

/** GCs as V8 reports them to perf_hooks, counted from the last reset. */
function countGcs(): { counts(): GcCounts; reset(): void } {
  let counts: GcCounts = { major: 0, minor: 0, ms: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        counts.major++;
      } else if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        counts.minor++;
      }
      counts.ms += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  return {
    counts: () => ({ ...counts, ms: round(counts.ms) }),
    reset: () => (counts = { major: 0, minor: 0, ms: 0 }),
  };
}

const TOP_GAPS = 5;

// The five largest CPU-time gaps (ms) between 1 ms ticks since the last reset.
function startBusyGapProbe(): { top(): number[]; reset(): void } {
  let top: number[] = [];
  let last = process.cpuUsage();
  setInterval(() => {
    const now = process.cpuUsage();
    const gap = (now.user - last.user + now.system - last.system) / 1000;
    last = now;
    if (top.length < TOP_GAPS || gap > top[top.length - 1]!) {
      top = [...top, gap].sort((a, b) => b - a).slice(0, TOP_GAPS);
    }
  }, 1).unref();
  return { top: () => top, reset: () => (top = []) };
}

function agentStats(): Record<string, unknown> | null {
  try {
    const agent = findAgentModule();
    return agent?.stats?.() ?? agent?.runningAgent?.()?.stats() ?? null;
  } catch {
    return null;
  }
}

// Peak RSS from the kernel (VmHWM); 0 where /proc is missing.
function highWaterMarkMb(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

function mb(bytes: number): number {
  return round(bytes / (1024 * 1024));
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
