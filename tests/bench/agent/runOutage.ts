import { setTimeout as sleep } from 'node:timers/promises';

import type { BenchApp } from './buildBenchApp';
import type { AgentEntry } from './findOurAgent';
import type { Pinning } from './pinning';
import { type LoadGenerator, spawnLoadGenerator, type LoadSettings } from './spawnLoadGenerator';
import { spawnTrigsServer, type TrigsServer } from './spawnTrigsServer';
import { type IngestReceiver, type ReceiverMode, startIngestReceiver } from './startIngestReceiver';
import { round, spread } from './spread';

export type OutageSettings = {
  repoRoot: string;
  app: BenchApp;
  pinning: Pinning;
  ourAgent: AgentEntry;
  node: string;
  load: Omit<LoadSettings, 'maxDurationS' | 'warmupS'>;
  uploadIntervalS: number;
  /** Upload windows that queue up during the outage (60 = ten minutes of 10 s windows). */
  windows: number;
  healthyS: number;
  sampleEveryS: number;
};

type Sample = { at: number; rss_mb: number; heap_used_mb: number; external_mb: number };

export type OutageModeResult = {
  mode: ReceiverMode;
  rss_before_mb: number;
  rss_end_mb: number;
  rss_growth_mb: number;
  /** Growth beyond that of the same app without an agent over the same time. */
  net_growth_mb: number;
  /** JS heap plus Buffers/ArrayBuffers (where queued profiles live), after a full GC. */
  heap_and_external_growth_mb: number;
  uploads_before_outage: number;
  requests_left_unanswered: number;
  uploads_after_recovery: number;
  app_errors: number;
  app_requests: number;
  exit: string;
  stderr_tail: string[];
};

export type OutageResult = {
  upload_interval_s: number;
  windows: number;
  outage_s: number;
  baseline_growth_mb: number;
  modes: OutageModeResult[];
};

const MODES: readonly ReceiverMode[] = ['refuse', 'blackhole'];

/**
 * Pyroscope down: two agent processes (one pointed at a closed port, one at a black hole that never
 * answers) and one process without an agent run side by side under light load. After a healthy phase the
 * receivers go down for `windows` upload intervals, then come back. Memory is sampled every `sampleEveryS`
 * right after a full GC (the servers run with --expose-gc), so garbage does not blur it; growth is the median
 * over the outage's last 10 s minus the median over the 10 s before the outage.
 */
export async function runOutage(settings: OutageSettings): Promise<OutageResult> {
  const { pinning, repoRoot } = settings;
  const receivers: IngestReceiver[] = await Promise.all(MODES.map(() => startIngestReceiver()));
  const servers: TrigsServer[] = [];
  const generators: LoadGenerator[] = [];
  const samples: Sample[][] = [];
  try {
    const sides = [
      ...MODES.map((mode) => ({ label: `ours (${mode})`, agent: 'ours' as const })),
      { label: 'none', agent: 'none' as const },
    ];
    for (const [index, side] of sides.entries()) {
      servers.push(
        await spawnTrigsServer(
          { ...side, tracing: false, node: settings.node },
          {
            repoRoot,
            app: settings.app,
            pin: pinning.prefix(pinning.serverCpu),
            receiverUrl: receivers[index]?.url,
            uploadIntervalS: settings.uploadIntervalS,
            loopResolutionMs: 10,
            nodeFlags: ['--expose-gc'],
            ourAgent: settings.ourAgent,
          }
        )
      );
      samples.push([]);
    }
    const outageS = settings.windows * settings.uploadIntervalS;
    const recoveryS = settings.uploadIntervalS * 3 + 2;
    const totalS = settings.healthyS + outageS + recoveryS;
    for (const server of servers) {
      generators.push(
        spawnLoadGenerator(repoRoot, pinning.prefix(pinning.clientCpu), server.url, {
          ...settings.load,
          warmupS: 0,
          maxDurationS: totalS + 60,
        })
      );
    }
    await Promise.all(generators.map((generator) => generator.warm));
    generators.forEach((generator) => generator.go());

    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const at = Date.now();
        const stats = await Promise.all(servers.map((server) => server.stats('full').catch(() => undefined)));
        stats.forEach(
          (stat, index) =>
            stat &&
            samples[index]!.push({
              at,
              rss_mb: stat.rss_mb,
              heap_used_mb: stat.heap_used_mb,
              external_mb: stat.external_mb,
            })
        );
        await sleep(settings.sampleEveryS * 1000);
      }
    })();

    await sleep(settings.healthyS * 1000);
    const outageStart = Date.now();
    const uploadsBefore = receivers.map((receiver) => receiver.uploads.length);
    await Promise.all(receivers.map((receiver, index) => receiver.setMode(MODES[index]!)));
    await sleep(outageS * 1000);
    const outageEnd = Date.now();
    await Promise.all(receivers.map((receiver) => receiver.setMode('ok')));
    const uploadsAtRecovery = receivers.map((receiver) => receiver.uploads.length);
    await sleep(recoveryS * 1000);
    sampling = false;
    await sampler;
    const alive = servers.map((server) => server.alive());
    const reports = await Promise.all(generators.map((generator) => generator.stop()));
    const exits = await Promise.all(servers.map((server) => server.stop()));
    servers.length = 0;

    const growth = (index: number, field: (sample: Sample) => number): { before: number; end: number } => {
      const of = (from: number, to: number): number =>
        spread(samples[index]!.filter((sample) => sample.at >= from && sample.at <= to).map(field))?.median ?? NaN;
      return { before: of(outageStart - 10000, outageStart), end: of(outageEnd - 10000, outageEnd) };
    };
    const rssOf = (sample: Sample): number => sample.rss_mb;
    const retainedOf = (sample: Sample): number => sample.heap_used_mb + sample.external_mb;
    const baseline = growth(MODES.length, rssOf);
    const baselineGrowth = baseline.end - baseline.before;
    return {
      upload_interval_s: settings.uploadIntervalS,
      windows: settings.windows,
      outage_s: outageS,
      baseline_growth_mb: round(baselineGrowth),
      modes: MODES.map((mode, index): OutageModeResult => {
        const rss = growth(index, rssOf);
        const retained = growth(index, retainedOf);
        const load = reports[index]!.measured;
        return {
          mode,
          rss_before_mb: round(rss.before),
          rss_end_mb: round(rss.end),
          rss_growth_mb: round(rss.end - rss.before),
          net_growth_mb: round(rss.end - rss.before - baselineGrowth),
          heap_and_external_growth_mb: round(retained.end - retained.before),
          uploads_before_outage: uploadsBefore[index]!,
          requests_left_unanswered: receivers[index]!.unanswered,
          uploads_after_recovery: receivers[index]!.uploads.length - uploadsAtRecovery[index]!,
          app_errors: load.errors + (alive[index] ? 0 : 1),
          app_requests: load.requests,
          exit: String(exits[index]!.code ?? exits[index]!.signal),
          stderr_tail: exits[index]!.stderr.slice(-5),
        };
      }),
    };
  } finally {
    generators.forEach((generator) => generator.kill());
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all(receivers.map((receiver) => receiver.close()));
  }
}
