import { Agent, request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import { mixSequence } from './mixSequence';
import { summarizeLatencies } from './summarizeLatencies';
import type { LoadReport, MixEntry, PhaseReport } from './types';

export type LoadOptions = {
  /** Base URL of the service, e.g. `http://127.0.0.1:8080`. */
  url: string;
  concurrency: number;
  mix: readonly MixEntry[];
  mixName: string;
  /** Seconds of unrecorded load before the measured phase. */
  warmupS?: number;
  /** Upper bound of the measured phase in seconds (always applies, so a run ends by itself). */
  durationS: number;
  /** Stop issuing once this many measured requests were sent. */
  requests?: number;
  /** Pause of each worker after each answer (0: back-to-back, a saturating closed loop). */
  thinkMs?: number;
  timeoutMs?: number;
  /** Awaited between warm-up and the measured phase (the benchmark's start barrier). */
  beforeMeasure?: () => Promise<void>;
  /** Ends the measured phase early when it resolves (the benchmark's stop). */
  stopSignal?: Promise<void>;
};

type Phase = {
  started: number;
  cpu: NodeJS.CpuUsage;
  latencies: Map<string, number[]>;
  errors: Map<string, number>;
  errorKinds: Record<string, number>;
};

const ERROR_BACKOFF_MS = 20;

/**
 * A closed-loop load: `concurrency` workers, each sending its next request as soon as the previous one is
 * answered (plus `thinkMs`), over keep-alive connections, in the mix's fixed order. Bounded: it ends after
 * `durationS`, `requests` or `stopSignal`, whichever comes first, and reports latency and counts per phase.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const sequence = mixSequence(options.mix);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const base = new URL(options.url);
  const timeoutMs = options.timeoutMs ?? 30_000;
  let next = 0;
  let issued = 0;
  // Without warm-up or barrier the run is measured from its first request.
  let measuring = !options.warmupS && !options.beforeMeasure;
  let stopped = false;
  let phase = newPhase();

  const send = (entry: MixEntry): Promise<string | undefined> =>
    new Promise((resolve) => {
      const request = httpRequest(new URL(entry.path, base), {
        agent,
        method: entry.method,
        headers:
          entry.body === undefined
            ? {}
            : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(entry.body) },
      });
      request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
      request.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      request.once('response', (response) => {
        response.resume();
        response.once('end', () =>
          resolve(
            response.statusCode! >= 200 && response.statusCode! < 300 ? undefined : `status ${response.statusCode}`
          )
        );
        response.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });
      request.end(entry.body);
    });

  const worker = async (): Promise<void> => {
    while (!stopped) {
      if (measuring && options.requests !== undefined && issued >= options.requests) {
        return;
      }
      const entry = sequence[next++ % sequence.length]!;
      if (measuring) {
        issued++;
      }
      // A request counts in the phase it was sent in.
      const current = phase;
      const started = performance.now();
      const failure = await send(entry);
      const latency = performance.now() - started;
      if (failure === undefined) {
        const list = current.latencies.get(entry.name) ?? [];
        list.push(latency);
        current.latencies.set(entry.name, list);
      } else {
        current.errors.set(entry.name, (current.errors.get(entry.name) ?? 0) + 1);
        current.errorKinds[failure] = (current.errorKinds[failure] ?? 0) + 1;
        await sleep(ERROR_BACKOFF_MS);
      }
      if (options.thinkMs) {
        await sleep(options.thinkMs);
      }
    }
  };

  const workers = Array.from({ length: options.concurrency }, () => worker());
  let warmup: PhaseReport | undefined;
  if (!measuring) {
    if (options.warmupS) {
      await sleep(options.warmupS * 1000);
      warmup = report(phase, performance.now());
    }
    await options.beforeMeasure?.();
    phase = newPhase();
    measuring = true;
  }
  const deadline = sleep(options.durationS * 1000, undefined, { ref: false });
  const everyWorkerDone = Promise.all(workers);
  await Promise.race([deadline, everyWorkerDone, options.stopSignal ?? new Promise<void>(() => {})]);
  const measured = report(phase, performance.now());
  stopped = true;
  await everyWorkerDone;
  agent.destroy();
  return {
    url: options.url,
    concurrency: options.concurrency,
    mix: options.mixName,
    ...(warmup ? { warmup } : {}),
    measured,
  };
}

function newPhase(): Phase {
  return {
    started: performance.now(),
    cpu: process.cpuUsage(),
    latencies: new Map(),
    errors: new Map(),
    errorKinds: {},
  };
}

function report(phase: Phase, endedAt: number): PhaseReport {
  const durationS = (endedAt - phase.started) / 1000;
  const cpu = process.cpuUsage(phase.cpu);
  const names = new Set([...phase.latencies.keys(), ...phase.errors.keys()]);
  const byEndpoint: PhaseReport['by_endpoint'] = {};
  const all: number[] = [];
  let errors = 0;
  for (const name of [...names].sort()) {
    const latencies = phase.latencies.get(name) ?? [];
    const failed = phase.errors.get(name) ?? 0;
    for (const latency of latencies) {
      all.push(latency);
    }
    errors += failed;
    byEndpoint[name] = {
      requests: latencies.length + failed,
      errors: failed,
      latency_ms: summarizeLatencies(latencies),
    };
  }
  return {
    requests: all.length + errors,
    errors,
    error_kinds: { ...phase.errorKinds },
    duration_s: Math.round(durationS * 1000) / 1000,
    rps: Math.round(((all.length + errors) / Math.max(durationS, 1e-9)) * 10) / 10,
    cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    latency_ms: summarizeLatencies(all),
    by_endpoint: byEndpoint,
  };
}
