import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import type { LoadReport } from '../../../samples/load-generator/src/types';

export type LoadSettings = { mix: string; concurrency: number; thinkMs: number; warmupS: number; maxDurationS: number };

export interface LoadGenerator {
  /** Resolves once warm-up is over and the generator waits for `go`. */
  readonly warm: Promise<void>;
  go(): void;
  /** Ends the measured phase and resolves with the generator's report. */
  stop(): Promise<LoadReport>;
  /** Ends the process at once (cleanup after a failure). */
  kill(): void;
}

/** Starts samples/load-generator in --control mode (pinned with `pin`) against `url`. */
export function spawnLoadGenerator(
  repoRoot: string,
  pin: string[],
  url: string,
  settings: LoadSettings
): LoadGenerator {
  const [command, ...prefix] = [...pin, process.execPath];
  const child: ChildProcess = spawn(
    command!,
    [
      ...prefix,
      '--require',
      require.resolve('tsx/cjs'),
      join(repoRoot, 'samples', 'load-generator', 'src', 'main.ts'),
      '--url',
      url,
      '--control',
      '--mix',
      settings.mix,
      '--concurrency',
      String(settings.concurrency),
      '--think-ms',
      String(settings.thinkMs),
      '--warmup',
      String(settings.warmupS),
      '--duration',
      String(settings.maxDurationS),
    ],
    { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] }
  );
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  let onWarm: () => void = () => {};
  let onReport: (report: LoadReport) => void = () => {};
  let onFail: (error: Error) => void = () => {};
  const warm = new Promise<void>((resolve, reject) => {
    onWarm = resolve;
    onFail = reject;
  });
  const report = new Promise<LoadReport>((resolve, reject) => {
    onReport = resolve;
    const previous = onFail;
    onFail = (error) => {
      previous(error);
      reject(error);
    };
  });
  report.catch(() => {});
  lines.on('line', (line) => {
    let message: { event?: string } & LoadReport;
    try {
      message = JSON.parse(line) as { event?: string } & LoadReport;
    } catch {
      stderr.push(`${line}\n`);
      return;
    }
    if (message.event === 'warm') {
      onWarm();
    } else {
      onReport(message);
    }
  });
  child.once('exit', (code) =>
    onFail(new Error(`load generator exited (${code}) without a report: ${stderr.join('').trim()}`))
  );
  return {
    warm,
    go: () => child.stdin!.write('go\n'),
    stop: () => {
      child.stdin!.end('stop\n');
      return report;
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    },
  };
}
