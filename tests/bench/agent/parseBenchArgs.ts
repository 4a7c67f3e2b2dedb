import { parseArgs } from 'node:util';

import { MIXES } from '../../../samples/load-generator/src/mixes';

export const PARTS = ['control', 'peer', 'floor', 'agent', 'span', 'stall', 'outage'] as const;
export type Part = (typeof PARTS)[number];
export const APP_MODES = ['tsx', 'built'] as const;
export type AppMode = (typeof APP_MODES)[number];

export type BenchArgs = {
  quick: boolean;
  parts: Part[];
  /** The load mix of the CPU pairs (samples/load-generator/src/mixes.ts); `standard` unless validating. */
  mix: string;
  /** Each load worker's pause between requests in the CPU pairs and switchback runs. The default, 40 ms, keeps
   * the two servers' shared CPU about 80 % busy: below saturation no mark-compact regimes split the sides and
   * an A/A pair scatters by ±3 ms/s instead of ±7 (samples/README.md, "Method"); 0 saturates the CPU. */
  thinkMs: number;
  /** Pairs per CPU config; the agent's and the span config get twice as many (their medians feed most figures
   * and the budgets), an even number so that each side goes first equally often. */
  pairs: number;
  windowS: number;
  warmupS: number;
  stallWindowS: number;
  outage: { uploadIntervalS: number; windows: number; healthyS: number };
  /** Switchback runs (span profiles): blocks, seconds measured per block, seconds of settling after a switch. */
  switchback: { blocks: number; blockS: number; settleS: number };
  /** Extra Node/V8 flags for every server of the pairs and switchback runs, both sides alike (GC studies). */
  nodeFlags: string[];
  /** How every server runs the sample app: under tsx, as `npm run sample` does, or built to JavaScript. */
  app: AppMode;
};

export const BENCH_USAGE = `usage: npm run bench:agent -- [--quick] [--pairs 2] [--window 40] [--warmup 10] [--only ${PARTS.join(',')}] [--mix standard] [--think-ms 40] [--outage-full] [--node-flags="--flag ..."] [--app ${APP_MODES.join('|')}]`;

/** The benchmark's command line; defaults fit the whole run in about 29 minutes, --quick in about 8. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      pairs: { type: 'string' },
      window: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
      mix: { type: 'string', default: 'standard' },
      'think-ms': { type: 'string' },
      'outage-full': { type: 'boolean', default: false },
      'node-flags': { type: 'string', default: '' },
      app: { type: 'string', default: 'tsx' },
    },
    strict: true,
  });
  const quick = values.quick;
  const parts = values.only ? values.only.split(',').map((part) => part.trim()) : [...PARTS];
  if (!(values.mix in MIXES)) {
    throw new Error(`--mix must be one of ${Object.keys(MIXES).join(', ')}, got ${JSON.stringify(values.mix)}`);
  }
  const unknown = parts.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) {
    throw new Error(
      `--only takes a comma-separated list of ${PARTS.join(', ')}; unknown: ${unknown.join(', ')}\n${BENCH_USAGE}`
    );
  }
  if (!(APP_MODES as readonly string[]).includes(values.app)) {
    throw new Error(`--app must be one of ${APP_MODES.join(', ')}, got ${JSON.stringify(values.app)}\n${BENCH_USAGE}`);
  }
  const nodeFlags = values['node-flags'].split(' ').filter((flag) => flag !== '');
  const notFlags = nodeFlags.filter((flag) => !/^--[a-z0-9][a-z0-9_-]*(=\S+)?$/.test(flag));
  if (notFlags.length > 0) {
    throw new Error(
      `--node-flags takes Node/V8 flags separated by spaces (like "--no-allocation-site-pretenuring"); not flags: ${notFlags.join(', ')}\n${BENCH_USAGE}`
    );
  }
  const outage = values['outage-full']
    ? { uploadIntervalS: 10, windows: 60, healthyS: 30 }
    : quick
      ? { uploadIntervalS: 1, windows: 30, healthyS: 12 }
      : { uploadIntervalS: 2, windows: 60, healthyS: 30 };
  return {
    quick,
    parts: parts as Part[],
    mix: values.mix,
    thinkMs: integer(values['think-ms'] ?? '40', '--think-ms', 0, 1000),
    pairs: integer(values.pairs ?? (quick ? '1' : '2'), '--pairs', 1, 20),
    windowS: integer(values.window ?? (quick ? '20' : '40'), '--window', 5, 600),
    warmupS: integer(values.warmup ?? (quick ? '6' : '10'), '--warmup', 0, 300),
    stallWindowS: quick ? 15 : 30,
    outage,
    // Blocks of two upload intervals (plus settling), so each profiled block holds its share of window cuts;
    // eight, so that the median of neighbouring pairs has seven to choose from.
    switchback: quick ? { blocks: 4, blockS: 12, settleS: 3 } : { blocks: 8, blockS: 20, settleS: 3 },
    nodeFlags,
    app: values.app as AppMode,
  };
}

function integer(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}\n${BENCH_USAGE}`
    );
  }
  return value;
}
