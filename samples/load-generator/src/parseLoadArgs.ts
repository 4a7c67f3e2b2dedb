import { parseArgs } from 'node:util';

import { MIXES } from './mixes';
import type { MixEntry } from './types';

export type LoadArgs = {
  url: string;
  concurrency: number;
  mixName: string;
  mix: readonly MixEntry[];
  warmupS: number;
  durationS: number;
  requests?: number;
  thinkMs: number;
  timeoutMs: number;
  /** Wait for `go` on stdin after warm-up, end the measured phase on `stop` (the benchmark drives it). */
  control: boolean;
};

export const USAGE = `usage: load-generator --url http://127.0.0.1:8080 [--concurrency 8] [--mix ${Object.keys(MIXES).join('|')}]
                      [--warmup 0] [--duration 30 | --requests N] [--think-ms 0] [--timeout-ms 30000] [--control]`;

/** The command line of the load generator; errors say which flag to change. */
export function parseLoadArgs(argv: string[]): LoadArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      concurrency: { type: 'string', default: '8' },
      mix: { type: 'string', default: 'standard' },
      warmup: { type: 'string', default: '0' },
      duration: { type: 'string' },
      requests: { type: 'string' },
      'think-ms': { type: 'string', default: '0' },
      'timeout-ms': { type: 'string', default: '30000' },
      control: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.url || !/^https?:\/\//.test(values.url)) {
    throw new Error(`--url must be the service's base URL, such as http://127.0.0.1:8080\n${USAGE}`);
  }
  const mix = MIXES[values.mix];
  if (!mix) {
    throw new Error(`--mix must be one of ${Object.keys(MIXES).join(', ')}, got ${JSON.stringify(values.mix)}`);
  }
  const requests = values.requests === undefined ? undefined : number(values.requests, '--requests', 1, 100_000_000);
  // Without --duration a request-bounded run still ends: at most an hour; otherwise 30 s.
  const durationS = number(values.duration ?? (requests === undefined ? '30' : '3600'), '--duration', 0.1, 86_400);
  return {
    url: values.url,
    concurrency: number(values.concurrency, '--concurrency', 1, 1024),
    mixName: values.mix,
    mix,
    warmupS: number(values.warmup, '--warmup', 0, 3600),
    durationS,
    requests,
    thinkMs: number(values['think-ms'], '--think-ms', 0, 60_000),
    timeoutMs: number(values['timeout-ms'], '--timeout-ms', 1, 600_000),
    control: values.control,
  };
}

function number(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${flag} must be a number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}
