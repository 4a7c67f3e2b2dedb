// `npm run bench:agent`: what the Node.js agent costs the sample app (samples/trigs-api), printed as ONE JSON
// object. Method (docs: samples/README.md, "The agent benchmark"): same-CPU pairs — the app with a profiler
// and the same app without, at the same time, both pinned to one CPU, each under its own closed-loop load
// generator on the other CPU (8 workers with 40 ms pauses: the shared CPU ~80 % busy), measured over the same
// window after a warm-up. Extra CPU per wall-second = (CPU of the agent side − its requests × the baseline
// side's CPU per request) / window. An A/A pair (no agent on either side) proves the method: it must come out
// near 0. Key figures are medians over pairs; `spread` holds median/min/max/runs/values/mean/standard_error
// for each. Progress goes to stderr.
import { resolve } from 'node:path';

import { buildBenchApp } from './agent/buildBenchApp';
import { findNode24 } from './agent/findNode24';
import { type AgentEntry, findOurAgent } from './agent/findOurAgent';
import { parseBenchArgs, type Part } from './agent/parseBenchArgs';
import { choosePinning } from './agent/pinning';
import { type PairResult, runPair } from './agent/runPair';
import { type OutageResult, runOutage } from './agent/runOutage';
import { runSwitchback, type SwitchbackResult } from './agent/runSwitchback';
import { sameRoundDifferences } from './agent/sameRoundDifferences';
import { type AgentKind, SAMPLE_RATE_HZ, type SideSpec } from './agent/spawnTrigsServer';
import { round, spread, type Spread } from './agent/spread';

const UPLOAD_INTERVAL_S = 10;
// The stall probe runs light (no slow report, think time): a busy app's own long requests would hide the
// agent's shorter stalls in the maximum event-loop delay.
const LIGHT_LOAD = { mix: 'light', concurrency: 2, thinkMs: 20 };
const repoRoot = resolve(__dirname, '..', '..');

type PairConfig = {
  name: 'control' | 'peer' | 'floor' | 'agent';
  agentSide: SideSpec;
  baselineSide: SideSpec;
  pairs: number;
};

function log(line: string): void {
  process.stderr.write(`bench:agent ${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const pairLoad = { concurrency: 8, thinkMs: args.thinkMs, mix: args.mix };
  const started = Date.now();
  const pinning = choosePinning();
  const node20 = process.execPath;
  const foundNode24 = findNode24();
  const node24 = 'path' in foundNode24 ? foundNode24.path : undefined;
  const ourAgent = findOurAgent(repoRoot);
  const app = buildBenchApp(repoRoot, args.app);
  const notes: string[] = [pinning.note];
  const wants = (part: Part): boolean => args.parts.includes(part);
  if (args.nodeFlags.length > 0) {
    notes.push(`servers ran with ${args.nodeFlags.join(' ')} (--node-flags): not the figures of a default Node`);
  }
  if (!ourAgent) {
    notes.push('agent/src/register.ts not found: agent, span, stall and outage figures are null');
  }
  if ('missing' in foundNode24) {
    notes.push(`${foundNode24.missing}: span_labels_cpu_ms_per_s is null`);
  }

  const none = (label: string, node = node20, tracing = false): SideSpec => ({ label, agent: 'none', tracing, node });
  // A Node 20 side with a profiler against one with none.
  const againstNone = (name: PairConfig['name'], label: string, agent: AgentKind, pairs = args.pairs): PairConfig => ({
    name,
    agentSide: { label, agent, tracing: false, node: node20 },
    baselineSide: none('none'),
    pairs,
  });
  const configs: PairConfig[] = [];
  if (wants('control')) {
    configs.push({ name: 'control', agentSide: none('none (A)'), baselineSide: none('none (B)'), pairs: args.pairs });
  }
  if (wants('peer')) {
    configs.push(againstNone('peer', '@pyroscope/nodejs 0.6.4 (c′)', 'pyroscope'));
  }
  if (wants('floor')) {
    configs.push(againstNone('floor', "V8's CPU profiler alone", 'sampler'));
  }
  if (wants('agent') && ourAgent) {
    configs.push(againstNone('agent', 'ours', 'ours', args.quick ? args.pairs : args.pairs * 2));
  }

  // Rounds interleave the configs, so slow drift of the host spreads over all of them; within a config the
  // side started (and measured) first alternates between pairs.
  const results = new Map<string, PairResult[]>(configs.map((config) => [config.name, []]));
  const roundOf = new Map<PairResult, number>();
  const failures: string[] = [];
  const rounds = Math.max(0, ...configs.map((config) => config.pairs));
  for (let round_ = 0; round_ < rounds; round_++) {
    for (const config of configs.filter((candidate) => round_ < candidate.pairs)) {
      log(
        `pair ${round_ + 1}/${config.pairs} ${config.name}: ${config.agentSide.label} vs ${config.baselineSide.label}`
      );
      try {
        const result = await runPair(config.agentSide, config.baselineSide, {
          repoRoot,
          app,
          pinning,
          ourAgent,
          load: { ...pairLoad, warmupS: args.warmupS },
          windowS: args.windowS,
          uploadIntervalS: UPLOAD_INTERVAL_S,
          loopResolutionMs: 10,
          nodeFlags: args.nodeFlags,
          baselineFirst: round_ % 2 === 1,
        });
        results.get(config.name)!.push(result);
        roundOf.set(result, round_);
        const majors = `${result.with.window.gc.major}/${result.without.window.gc.major}`;
        log(
          `  extra ${round(result.extra_cpu_ms_per_s)} ms/s (${round(result.overhead_pct)} %), p99 ×${round(result.p99_ratio, 3)}, mark-compacts ${majors}, foreign ${round(result.foreign_cpu_ms_per_s ?? NaN)} ms/s`
        );
        if (!result.gc_regimes_match) {
          const note = `${config.name} pair ${round_ + 1}: the sides ran in different GC regimes (${majors} mark-compacts), so its CPU figure compares GC work, not the agent`;
          notes.push(note);
          log(`  warning: ${note}`);
        }
      } catch (error) {
        failures.push(`${config.name} pair ${round_ + 1}: ${(error as Error).message}`);
        log(`  failed: ${(error as Error).message}`);
      }
    }
  }

  // Span profiles on Node 24: switchback pairs (runSwitchback), whose A/A control runs alongside, because two
  // identical Node 24 processes differ too much in CPU per request for the same-CPU pair method to resolve them.
  const switchbacks = { span: [] as SwitchbackResult[], span_control: [] as SwitchbackResult[] };
  if (wants('span') && ourAgent && node24) {
    const sides = {
      span: { label: 'ours + span profiles (Node 24)', agent: 'ours', tracing: true, node: node24 },
      span_control: none('none + tracing (Node 24)', node24, true),
    } as const;
    for (let run = 0; run < args.pairs; run++) {
      for (const name of ['span_control', 'span'] as const) {
        log(`switchback ${run + 1}/${args.pairs} ${name}: ${sides[name].label}, ${args.switchback.blocks} blocks`);
        try {
          const result = await runSwitchback(sides[name], {
            repoRoot,
            app,
            pinning,
            ourAgent,
            load: { ...pairLoad, warmupS: args.warmupS },
            uploadIntervalS: UPLOAD_INTERVAL_S,
            loopResolutionMs: 10,
            nodeFlags: args.nodeFlags,
            ...args.switchback,
          });
          switchbacks[name].push(result);
          log(
            `  extra ${round(result.extra_cpu_ms_per_s)} ms/s (mean ${round(result.mean_extra_cpu_ms_per_s)}; blocks ${result.block_extras_ms_per_s.map((v) => round(v, 1)).join(', ')}; mark-compacts ${result.blocks.map((block) => block.windows.map((window) => window.gc.major).join('/')).join(' ')})`
          );
        } catch (error) {
          failures.push(`${name} switchback ${run + 1}: ${(error as Error).message}`);
          log(`  failed: ${(error as Error).message}`);
        }
      }
    }
  }

  // Stall probe: light load (a busy app's own long requests would hide shorter stalls) and the app's
  // CPU-time stall probe, which other processes holding the CPU cannot inflate; sides alternate per run.
  const stalls: PairResult[] = [];
  if (wants('stall') && ourAgent) {
    for (let run = 0; run < args.pairs; run++) {
      log(`stall probe ${run + 1}/${args.pairs}: ours vs none, light load, ${args.stallWindowS} s`);
      try {
        stalls.push(
          await runPair({ label: 'ours', agent: 'ours', tracing: false, node: node20 }, none('none'), {
            repoRoot,
            app,
            pinning,
            ourAgent,
            load: { ...LIGHT_LOAD, warmupS: args.warmupS },
            windowS: args.stallWindowS,
            uploadIntervalS: UPLOAD_INTERVAL_S,
            loopResolutionMs: 1,
            nodeFlags: args.nodeFlags,
            stallProbe: true,
            baselineFirst: run % 2 === 1,
          })
        );
      } catch (error) {
        failures.push(`stall probe ${run + 1}: ${(error as Error).message}`);
      }
    }
  }

  let outage: OutageResult | undefined;
  if (wants('outage') && ourAgent) {
    const { uploadIntervalS, windows, healthyS } = args.outage;
    log(`outage: ${windows} windows of ${uploadIntervalS} s with the receiver down (refused and black hole)`);
    try {
      outage = await runOutage({
        repoRoot,
        app,
        pinning,
        ourAgent,
        node: node20,
        load: LIGHT_LOAD,
        uploadIntervalS,
        windows,
        healthyS,
        sampleEveryS: 1,
      });
    } catch (error) {
      failures.push(`outage: ${(error as Error).message}`);
    }
  }

  const pairs = (name: string): PairResult[] => results.get(name) ?? [];
  const extra = (name: string): Spread | null => spread(pairs(name).map((pair) => pair.extra_cpu_ms_per_s));
  const extraByRound = (name: string): Map<number, number> =>
    new Map(pairs(name).map((pair) => [roundOf.get(pair)!, pair.extra_cpu_ms_per_s]));
  const agentPairs = pairs('agent');
  const figures = {
    agent_cpu_ms_per_s: extra('agent'),
    peer_cpu_ms_per_s: extra('peer'),
    control_cpu_ms_per_s: extra('control'),
    span_labels_cpu_ms_per_s: spread(switchbacks.span.map((result) => result.extra_cpu_ms_per_s)),
    span_control_cpu_ms_per_s: spread(switchbacks.span_control.map((result) => result.extra_cpu_ms_per_s)),
    p99_latency_ratio: spread(
      agentPairs.map((pair) => pair.p99_ratio),
      3
    ),
    rss_delta_mb: spread(agentPairs.map((pair) => pair.rss_delta_mb)),
    upload_kb_per_min: spread(
      agentPairs.flatMap((pair) => (pair.with.uploads.kb_per_min === null ? [] : [pair.with.uploads.kb_per_min]))
    ),
    max_loop_stall_ms: spread(
      stalls.flatMap((pair) => (pair.busy_gap_max_delta_ms === null ? [] : [pair.busy_gap_max_delta_ms])),
      3
    ),
    outage_rss_growth_mb: outage ? spread(outage.modes.map((mode) => mode.rss_growth_mb)) : null,
  };
  const key = (name: keyof typeof figures, pick: 'median' | 'max' = 'median'): number | null =>
    figures[name]?.[pick] ?? null;

  process.stdout.write(
    `${JSON.stringify({
      rate_hz: SAMPLE_RATE_HZ,
      upload_interval_s: UPLOAD_INTERVAL_S,
      agent_cpu_ms_per_s: key('agent_cpu_ms_per_s'),
      peer_cpu_ms_per_s: key('peer_cpu_ms_per_s'),
      control_cpu_ms_per_s: key('control_cpu_ms_per_s'),
      span_labels_cpu_ms_per_s: key('span_labels_cpu_ms_per_s'),
      // The switchback method's A/A control (Node 24, tracing on, no agent): must come out near 0.
      span_control_cpu_ms_per_s: key('span_control_cpu_ms_per_s'),
      p99_latency_ratio: key('p99_latency_ratio'),
      rss_delta_mb: key('rss_delta_mb'),
      upload_kb_per_min: key('upload_kb_per_min'),
      max_loop_stall_ms: key('max_loop_stall_ms'),
      // The worse of the two outage kinds (connection refused, black hole).
      outage_rss_growth_mb: key('outage_rss_growth_mb', 'max'),
      spread: figures,
      details: {
        method:
          'same-CPU pairs, extra CPU per wall-second normalised by requests served; span profiles: switchback pairs (see samples/README.md)',
        switchback: args.switchback,
        node_flags: args.nodeFlags,
        window_s: args.windowS,
        warmup_s: args.warmupS,
        load: pairLoad,
        peer_config:
          '@pyroscope/nodejs 0.6.4, anchor config c′: startWallProfiling only (no heap), 100 Hz, collectCpuTime, flushIntervalMs 10000, samplingDurationMs 10000',
        agent_entry: ourAgent?.label ?? null,
        app:
          app.mode === 'tsx'
            ? 'samples/trigs-api from its sources under tsx, as npm run sample runs it (--app tsx)'
            : 'samples/trigs-api built to JavaScript by esbuild (tests/bench/agent/dist), no loader (--app built)',
        node: { pairs: process.version, span: node24 ? 'v24 (BENCH_NODE24 or the tools cache)' : null },
        // The control's memory figures are the method's noise for the agent's.
        control: summarizeExtras(pairs('control')),
        agent: summarizeExtras(agentPairs),
        peer: summarizeExtras(pairs('peer')),
        // V8's CPU profiler at 100 Hz, started once and never read: the part of the agent's figures that any
        // V8-based agent pays on this machine; the agent's own work is the difference.
        floor: {
          cpu_ms_per_s: extra('floor'),
          // The agent's pair minus the floor's pair of the same round, run back to back: the agent's own work.
          agent_minus_floor_cpu_ms_per_s: spread(sameRoundDifferences(extraByRound('agent'), extraByRound('floor'))),
          ...summarizeExtras(pairs('floor')),
        },
        span: switchbacks.span.map(describeSwitchback),
        span_control: switchbacks.span_control.map(describeSwitchback),
        pairs: [...results.entries()].flatMap(([name, list]) => list.map((pair) => describePair(name, pair))),
        stall: stalls.map(describeStall),
        outage: outage ?? null,
        notes,
        failures,
        duration_s: Math.round((Date.now() - started) / 1000),
      },
    })}\n`
  );
}

function summarizeExtras(list: PairResult[]): Record<string, Spread | null> {
  return {
    p99_latency_ratio: spread(
      list.map((pair) => pair.p99_ratio),
      3
    ),
    rss_delta_mb: spread(list.map((pair) => pair.rss_delta_mb)),
    retained_delta_mb: spread(list.map((pair) => pair.retained_delta_mb)),
    heap_physical_delta_mb: spread(list.map((pair) => pair.heap_physical_delta_mb)),
    native_delta_mb: spread(list.map((pair) => pair.native_delta_mb)),
    rss_anon_delta_mb: spread(list.flatMap((pair) => pair.rss_anon_delta_mb ?? [])),
    rss_file_delta_mb: spread(list.flatMap((pair) => pair.rss_file_delta_mb ?? [])),
    malloc_in_use_delta_mb: spread(list.flatMap((pair) => pair.malloc_in_use_delta_mb ?? [])),
    malloc_free_delta_mb: spread(list.flatMap((pair) => pair.malloc_free_delta_mb ?? [])),
    malloc_main_arena_free_delta_mb: spread(list.flatMap((pair) => pair.malloc_main_arena_free_delta_mb ?? [])),
    rss_at_listen_delta_mb: spread(list.map((pair) => pair.rss_at_listen_delta_mb)),
    rss_under_load_delta_mb: spread(list.map((pair) => pair.rss_under_load_delta_mb)),
    hwm_delta_mb: spread(list.map((pair) => pair.hwm_delta_mb)),
    upload_kb_per_min: spread(
      list.flatMap((pair) => (pair.with.uploads.kb_per_min === null ? [] : [pair.with.uploads.kb_per_min]))
    ),
  };
}

function describePair(config: string, pair: PairResult): Record<string, unknown> {
  const side = (result: PairResult['with']): Record<string, unknown> => ({
    label: result.label,
    cpu_ms: result.window.cpu_ms,
    wall_ms: result.window.wall_ms,
    requests: result.window.requests_total,
    cpu_us_per_request: round((result.window.cpu_ms / result.window.requests_total) * 1000, 1),
    p50_ms: result.load.latency_ms.p50,
    p99_ms: result.load.latency_ms.p99,
    load_errors: result.load.errors,
    rss_mb: result.window.rss_mb,
    hwm_mb: result.window.hwm_mb,
    resting: result.resting,
    malloc: result.malloc ?? null,
    loop_delay_max_ms: result.window.loop_delay_max_ms,
    gc: result.window.gc,
    agent_stats: result.window.agent_stats,
    uploads: result.uploads.uploads,
    upload_kb_per_min: roundOrNull(result.uploads.kb_per_min),
    exit: result.exit,
  });
  return {
    config,
    extra_cpu_ms_per_s: round(pair.extra_cpu_ms_per_s),
    overhead_pct: round(pair.overhead_pct),
    p99_ratio: round(pair.p99_ratio, 3),
    gc_regimes_match: pair.gc_regimes_match,
    rss_delta_mb: round(pair.rss_delta_mb),
    retained_delta_mb: round(pair.retained_delta_mb),
    heap_physical_delta_mb: round(pair.heap_physical_delta_mb),
    native_delta_mb: round(pair.native_delta_mb),
    rss_anon_delta_mb: roundOrNull(pair.rss_anon_delta_mb),
    rss_file_delta_mb: roundOrNull(pair.rss_file_delta_mb),
    malloc_in_use_delta_mb: roundOrNull(pair.malloc_in_use_delta_mb),
    malloc_free_delta_mb: roundOrNull(pair.malloc_free_delta_mb),
    malloc_main_arena_free_delta_mb: roundOrNull(pair.malloc_main_arena_free_delta_mb),
    rss_at_listen_delta_mb: round(pair.rss_at_listen_delta_mb),
    rss_under_load_delta_mb: round(pair.rss_under_load_delta_mb),
    hwm_delta_mb: round(pair.hwm_delta_mb),
    foreign_cpu_ms_per_s: roundOrNull(pair.foreign_cpu_ms_per_s),
    with: side(pair.with),
    without: side(pair.without),
  };
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round(value);
}

function describeSwitchback(result: SwitchbackResult): Record<string, unknown> {
  return {
    extra_cpu_ms_per_s: round(result.extra_cpu_ms_per_s),
    mean_extra_cpu_ms_per_s: round(result.mean_extra_cpu_ms_per_s),
    per_process_ms_per_s: result.per_process_ms_per_s.map((value) => round(value)),
    overhead_pct: result.overhead_pct.map((value) => round(value)),
    blocks: result.blocks.map(({ profiling, windows }, index) => ({
      profiling,
      extra_cpu_ms_per_s: round(result.block_extras_ms_per_s[index]!),
      mark_compacts: windows.map((window) => window.gc.major),
      cpu_us_per_request: windows.map((window) => round((window.cpu_ms / window.requests_total) * 1000, 1)),
      requests: windows.map((window) => window.requests_total),
    })),
  };
}

function describeStall(pair: PairResult): Record<string, unknown> {
  return {
    busy_gap_top_ms: { with: pair.with.window.busy_gap_top_ms, without: pair.without.window.busy_gap_top_ms },
    loop_delay_max_ms: { with: pair.with.window.loop_delay_max_ms, without: pair.without.window.loop_delay_max_ms },
    loop_delay_p99_ms: { with: pair.with.window.loop_delay_p99_ms, without: pair.without.window.loop_delay_p99_ms },
    uploads_in_window: pair.with.uploads.uploads,
    agent_stats: pair.with.window.agent_stats,
    foreign_cpu_ms_per_s: roundOrNull(pair.foreign_cpu_ms_per_s),
  };
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
