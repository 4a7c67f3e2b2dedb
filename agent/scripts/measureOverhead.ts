// Quick overhead comparisons for the agent's design (the official benchmark is tests/bench/benchAgent.ts).
// Runs pairs of workload processes (scripts/workload.ts) AT THE SAME TIME, both pinned to one CPU with
// taskset, so the host's speed swings hit both alike; the difference of their CPU per wall-second is the
// variant's cost. `--a none --b none` is the control and should come out near 0.
//
//   npx tsx scripts/measureOverhead.ts --a agent --b none --load busy --pairs 2 --seconds 40 [--node 24]
//        [--spans] [--collector inspector|pprof] [--cpu 1] [--dist <compiled agent dir>]
//
// Without --dist it compiles the agent into a temporary directory under dist/ first (so that the copy
// measured does not change while you edit the sources, and its dependencies still resolve).
//
// Prints one JSON object.
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { node24 } from './node24';

type Side = Record<string, unknown> & {
  cpuMsPerS: number;
  loopDelayMaxMs: number;
  rssEndMB: number;
  rssMaxMB: number;
  wallS: number;
  uploads: number;
  uploadBytes: number;
};

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined && !process.argv[index + 1]!.startsWith('--')
    ? process.argv[index + 1]!
    : process.argv.includes(`--${name}`)
      ? 'true'
      : fallback;
}

const root = path.join(__dirname, '..');
const a = arg('a', 'agent');
const b = arg('b', 'none');
const load = arg('load', 'busy');
const pairs = Number(arg('pairs', '2'));
const seconds = arg('seconds', '40');
const cpu = arg('cpu', '1');
const spans = arg('spans', 'false') === 'true';
const collector = arg('collector', 'auto');
const nodeBinary = arg('node', '20') === '24' ? node24() : process.execPath;
let dist = arg('dist', '');

async function receiver(): Promise<{
  url: string;
  stats: () => { uploads: number; bytes: number };
  close: () => void;
}> {
  let uploads = 0;
  let bytes = 0;
  const server = http.createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      uploads++;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats: () => ({ uploads, bytes }),
    close: () => server.close(),
  };
}

async function runSide(variant: string): Promise<Side> {
  const sink = await receiver();
  const child = spawn('taskset', ['-c', cpu, nodeBinary, '--import', 'tsx', path.join(__dirname, 'workload.ts')], {
    cwd: root,
    env: {
      ...process.env,
      VARIANT: variant,
      LOAD: load,
      DURATION_S: seconds,
      SPANS: spans ? '1' : '0',
      PYROSCOPE_SERVER_ADDRESS: sink.url,
      PYROSCOPE_COLLECTOR: collector,
      PYROSCOPE_LOG_LEVEL: 'warn',
      AGENT_DIST: dist,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  sink.close();
  const line = out.trim().split('\n').pop() ?? '{}';
  const side = JSON.parse(line) as Side;
  const { uploads, bytes } = sink.stats();
  return { ...side, uploads, uploadBytes: bytes };
}

async function main(): Promise<void> {
  const temporary = dist === '';
  if (temporary) {
    mkdirSync(path.join(root, 'dist'), { recursive: true });
    dist = mkdtempSync(path.join(root, 'dist', '.measure-'));
    execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'build.ts'), '--outdir', dist], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const results: Array<{ a: Side; b: Side; extraMsPerS: number }> = [];
  for (let i = 0; i < pairs; i++) {
    // Which process starts first alternates: it biases the pair by a few ms/s on this VM.
    const [sideA, sideB] =
      i % 2 === 0
        ? await Promise.all([runSide(a), runSide(b)])
        : await Promise.all([runSide(b), runSide(a)]).then(([second, first]) => [first, second] as const);
    results.push({ a: sideA, b: sideB, extraMsPerS: sideA.cpuMsPerS - sideB.cpuMsPerS });
    process.stderr.write(
      `pair ${i + 1}: ${a} ${sideA.cpuMsPerS.toFixed(1)} ms/s vs ${b} ${sideB.cpuMsPerS.toFixed(1)} ms/s\n`
    );
  }
  if (temporary) {
    rmSync(dist, { recursive: true, force: true });
  }
  const median = (values: number[]): number => {
    const sorted = [...values].sort((x, y) => x - y);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const round = (n: number): number => Math.round(n * 100) / 100;
  process.stdout.write(
    `${JSON.stringify(
      {
        a,
        b,
        load,
        spans,
        collector,
        node: results[0]?.a.node,
        seconds: Number(seconds),
        extraCpuMsPerS: results.map((r) => round(r.extraMsPerS)),
        extraCpuMsPerSMedian: round(median(results.map((r) => r.extraMsPerS))),
        loopDelayMaxMs: {
          a: results.map((r) => round(r.a.loopDelayMaxMs)),
          b: results.map((r) => round(r.b.loopDelayMaxMs)),
        },
        rssEndDeltaMB: results.map((r) => round(r.a.rssEndMB - r.b.rssEndMB)),
        rssMaxDeltaMB: results.map((r) => round(r.a.rssMaxMB - r.b.rssMaxMB)),
        uploadKBPerMin: results.map((r) => round((r.a.uploadBytes / 1024) * (60 / (r.a.wallS + 12)))),
        requests: results.map((r) => [r.a.requests, r.b.requests]),
        agentStats: results.map((r) => r.a.agent),
      },
      null,
      1
    )}\n`
  );
}

void main();
