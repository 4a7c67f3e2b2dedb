// `npm run bench:backend`: what the backend adds on top of Pyroscope, printed as one JSON object.
//   overhead_ratio      median QueryData round trip through the backend (Grafana's client, one plugin
//                       process) over the median time of the same SelectMergeStacktraces call straight to
//                       Pyroscope (uncompressed, body read), the two interleaved in one Go process, for a
//                       16,384-node flame graph in a real Pyroscope; overhead_ratio_with_sdk_decode also
//                       counts Grafana's own decoding of the Arrow frames, which every backend plugin pays;
//                       overhead_ms is the difference of the medians, a fixed cost per query. Top level: a
//                       service's last 10 minutes (30 large profiles); `one_hour` repeats the figures for the
//                       Profiles page's default query, a service's last hour of ten-second uploads
//   go_sdk_reference    the 10-minute figures for the same query answered by a Go backend plugin built on
//                       Grafana's own SDK (tests/grafana-client/sdkreference), timed in alternating blocks
//                       with ours through the same harness: what the plugin protocol costs whatever the
//                       plugin's language (its answer is checked to equal ours first)
//   convert_1m_nodes_ms median time to turn Pyroscope's binary answer of 1,048,576 nodes into the Arrow
//                       frame Grafana receives (decode + nested set + Arrow IPC), in this process
//   concurrent_failures failed answers among 50 simultaneous QueryData calls
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

import type { Profile } from 'pprof-format';

import { encodeFrame } from '../../backend/src/arrow/encodeFrame';
import { flameGraphToFrame } from '../../backend/src/frames/flameGraphToFrame';
import { syntheticFlameGraph } from '../../backend/src/frames/syntheticFlameGraph';
import { decodeFlameGraph } from '../../backend/src/pyroscope/decodeFlameGraph';
import { encodeSelectMergeStacktraces } from '../../backend/src/pyroscope/encodeQuerierRequests';
import { encodeTestMessage } from '../../backend/src/pyroscope/testQuerierProto';
import { launchPyroscope } from '../pyroscope/launchPyroscope';
import { waitForProfiles } from '../support/pyroscopeDirect';
import { pushPprof } from '../support/pushFixture';
import { syntheticPprofs } from '../support/syntheticPprof';
import { syntheticWindows } from '../support/syntheticWindows';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const NODES = 16384;
const RUNS = 30;
const WARMUP_RUNS = 5;
const repoRoot = resolve(__dirname, '..', '..');

type QueryBench = {
  runs: number;
  failures: number;
  medianMs: number;
  p90Ms: number;
  timesMs: number[];
  rpcMedianMs: number;
  rpcTimesMs: number[];
  directMedianMs: number;
  directTimesMs: number[];
  firstError?: string;
};

const run = promisify(execFile);

/** One query measured through the backend and straight to Pyroscope, interleaved. */
type Scenario = {
  service: string;
  profiles: Profile[];
  window: { startMs: number; endMs: number };
};

type ScenarioResult = {
  nodes: number;
  distinctNames: number;
  profilesMerged: number;
  through: QueryBench;
};

async function main(): Promise<void> {
  // The bench pushes hundreds of profiles back to back, faster than Pyroscope's default 4 MB/s ingestion limit.
  const pyroscope = await launchPyroscope({
    log: (line) => process.stderr.write(`${line}\n`),
    extraArgs: ['-distributor.ingestion-rate-limit-mb=64', '-distributor.ingestion-burst-size-mb=64'],
  });
  const work = mkdtempSync(join(tmpdir(), 'bench-backend-'));
  try {
    const now = Date.now();
    const settingsFile = join(work, 'settings.json');
    writeFileSync(settingsFile, JSON.stringify({ url: pyroscope.url, jsonData: {} }));
    const directUrl = `${pyroscope.url}/querier.v1.QuerierService/SelectMergeStacktraces`;
    const tree = { fanout: 12, depth: 4, functionNames: 4096 };
    // Both call trees have 12^1 + … + 12^4 = 22,620 nodes named from 4,096 functions, so Pyroscope truncates
    // the answer to maxNodes.
    // The Profiles page's default query: one service's last hour, 350 ten-second uploads of one process at
    // 100 Hz (1,000 samples each; Pyroscope accepts nothing older than an hour).
    const hour: Scenario = {
      service: 'bench-hour',
      profiles: syntheticWindows(350, 1000, now, tree),
      window: { startMs: now - 3600000, endMs: now + 10000 },
    };
    // A dashboard's last 10 minutes: 30 large profiles.
    const tenMinutes: Scenario = {
      service: 'bench-10m',
      profiles: Array.from({ length: 15 }, (_, round) =>
        syntheticPprofs(tree.fanout, tree.depth, now - 30000 - round * 40000, tree.functionNames)
      ).flat(),
      window: { startMs: now - 600000, endMs: now + 60000 },
    };
    for (const scenario of [hour, tenMinutes]) {
      for (const profile of scenario.profiles) {
        await pushPprof(pyroscope.url, gzipSync(profile.encode()), {
          service: scenario.service,
          timeMs: Number(BigInt(profile.timeNanos) / 1_000_000n),
        });
      }
      const selector = `{service_name="${scenario.service}"}`;
      await waitForProfiles(pyroscope.url, CPU, selector, scenario.window.startMs, scenario.window.endMs);
    }

    const bench = async (
      scenario: Scenario,
      runs: number,
      concurrency: number,
      direct: boolean,
      plugin?: string
    ): Promise<QueryBench> => {
      const args = [
        'query-bench',
        ...queryArgs(scenario, settingsFile, plugin),
        '--runs',
        String(runs),
        '--concurrency',
        String(concurrency),
        // Grafana keeps a plugin process running: time it warm (JIT compiled, connections open).
        '--warmup',
        String(WARMUP_RUNS),
      ];
      if (direct) {
        const requestFile = join(work, `${scenario.service}.bin`);
        writeFileSync(requestFile, directRequest(scenario));
        args.push('--direct', directUrl, '--direct-body', requestFile);
      }
      return JSON.parse(await grafanaClient(args)) as QueryBench;
    };
    const measure = async (scenario: Scenario): Promise<ScenarioResult> => {
      const answer = await fetch(directUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/proto',
          'Connect-Protocol-Version': '1',
          'Accept-Encoding': 'identity',
        },
        body: directRequest(scenario),
      });
      const graph = decodeFlameGraph(Buffer.from(await answer.arrayBuffer()));
      // Direct and through-the-backend calls alternate in one Go process, so machine-speed drift hits both.
      return {
        nodes: graph.levels.reduce((sum, level) => sum + level.length / 4, 0),
        distinctNames: graph.names.length,
        profilesMerged: scenario.profiles.length,
        through: await bench(scenario, RUNS, 1, true),
      };
    };
    const reference = await buildSdkReference(work);
    const [ours, theirs] = await Promise.all(
      [undefined, reference].map((plugin) => answerOf(tenMinutes, settingsFile, plugin))
    );
    if (ours !== theirs) {
      throw new Error('the Go SDK reference plugin answers the 10-minute query differently from our backend');
    }
    const short = await measure(tenMinutes);
    // Alternating blocks, so drifts in machine speed hit both plugins alike.
    const blocks: QueryBench[][] = [[], []];
    for (let block = 0; block < 4; block++) {
      for (const [side, plugin] of [undefined, reference].entries()) {
        blocks[side]!.push(await bench(tenMinutes, RUNS / 2, 1, true, plugin));
      }
    }
    const hourly = await measure(hour);
    const concurrent = await bench(tenMinutes, 50, 50, false);

    const convert = convertOneMillionNodes();
    process.stdout.write(
      `${JSON.stringify({
        nodes: short.nodes,
        distinct_names: short.distinctNames,
        profiles_merged: short.profilesMerged,
        ...overhead(short.through),
        runs: RUNS,
        backend_failures: short.through.failures + hourly.through.failures,
        one_hour: { nodes: hourly.nodes, profiles_merged: hourly.profilesMerged, ...overhead(hourly.through) },
        go_sdk_reference: { ours: overhead(pooled(blocks[0]!)), reference: overhead(pooled(blocks[1]!)) },
        convert_1m_nodes_ms: convert.totalMs,
        convert_1m_nodes_breakdown_ms: convert.breakdown,
        concurrent: 50,
        concurrent_failures: concurrent.failures,
        concurrent_median_ms: round(concurrent.medianMs),
      })}\n`
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
    await pyroscope.stop();
  }
}

function grafanaClient(args: string[]): Promise<string> {
  return run('bash', [join(repoRoot, 'tests', 'grafana-client', 'run.sh'), ...args], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  }).then(({ stdout }) => stdout);
}

/** The harness flags of the scenario's profile query, through `plugin` (default: our built backend). */
function queryArgs({ service, window }: Scenario, settingsFile: string, plugin?: string): string[] {
  const query = JSON.stringify({
    refId: 'A',
    queryType: 'profile',
    profileTypeId: CPU,
    labelSelector: `{service_name="${service}"}`,
    maxNodes: NODES,
  });
  return [
    '--settings',
    settingsFile,
    '--query',
    query,
    '--from',
    String(window.startMs),
    '--to',
    String(window.endMs),
    ...(plugin ? ['--plugin', plugin] : []),
  ];
}

/** The frames' values as Grafana's JSON carries them: what two backends must agree on. */
async function answerOf(scenario: Scenario, settingsFile: string, plugin?: string): Promise<string> {
  const answer = JSON.parse(await grafanaClient(['query', ...queryArgs(scenario, settingsFile, plugin)])) as {
    results: Record<string, { frames?: Array<{ data: { values: unknown[] } }> }>;
  };
  return JSON.stringify(answer.results.A?.frames?.map((frame) => frame.data.values));
}

/** Builds the Go SDK reference plugin into `dir` (Go caches the build). */
async function buildSdkReference(dir: string): Promise<string> {
  const binary = join(dir, 'sdkreference');
  await run('go', ['-C', join(repoRoot, 'tests', 'grafana-client'), 'build', '-o', binary, './sdkreference']);
  return binary;
}

/** Several benches of one plugin as one. */
function pooled(benches: QueryBench[]): QueryBench {
  const times = (pick: (bench: QueryBench) => number[]): number[] => benches.flatMap(pick);
  const all = {
    times: times((b) => b.timesMs),
    rpc: times((b) => b.rpcTimesMs),
    direct: times((b) => b.directTimesMs),
  };
  return {
    runs: all.times.length,
    failures: benches.reduce((sum, bench) => sum + bench.failures, 0),
    medianMs: median(all.times),
    p90Ms: percentile(all.times, 0.9),
    timesMs: all.times,
    rpcMedianMs: median(all.rpc),
    rpcTimesMs: all.rpc,
    directMedianMs: median(all.direct),
    directTimesMs: all.direct,
  };
}

function directRequest({ service, window }: Scenario): Uint8Array {
  return encodeSelectMergeStacktraces({
    profileTypeId: CPU,
    labelSelector: `{service_name="${service}"}`,
    window,
    maxNodes: NODES,
  });
}

/** The backend's figures against Pyroscope's own, from one interleaved run. */
function overhead(through: QueryBench): Record<string, number | number[]> {
  const pyroscopeMs = through.directMedianMs;
  return {
    pyroscope_ms: round(pyroscopeMs),
    backend_ms: round(through.rpcMedianMs),
    overhead_ms: round(through.rpcMedianMs - pyroscopeMs),
    overhead_ratio: round(through.rpcMedianMs / pyroscopeMs, 3),
    backend_with_sdk_decode_ms: round(through.medianMs),
    overhead_ratio_with_sdk_decode: round(through.medianMs / pyroscopeMs, 3),
    pyroscope_ms_spread: [round(Math.min(...through.directTimesMs)), round(Math.max(...through.directTimesMs))],
    backend_ms_spread: [round(Math.min(...through.rpcTimesMs)), round(Math.max(...through.rpcTimesMs))],
  };
}

function convertOneMillionNodes(): {
  totalMs: number;
  breakdown: { decode: number; nestedSet: number; arrow: number };
} {
  const graph = syntheticFlameGraph(1_048_576);
  const answer = encodeTestMessage('SelectMergeStacktracesResponse', {
    flamegraph: {
      names: graph.names,
      levels: graph.levels.map((values) => ({ values })),
      total: graph.total,
      max_self: graph.maxSelf,
    },
  });
  const runs = { total: [] as number[], decode: [] as number[], nestedSet: [] as number[], arrow: [] as number[] };
  for (let run = 0; run < 5; run++) {
    const t0 = process.hrtime.bigint();
    const decoded = decodeFlameGraph(answer);
    const t1 = process.hrtime.bigint();
    const frame = flameGraphToFrame(decoded, CPU, 'A');
    const t2 = process.hrtime.bigint();
    encodeFrame(frame);
    const t3 = process.hrtime.bigint();
    runs.decode.push(Number(t1 - t0) / 1e6);
    runs.nestedSet.push(Number(t2 - t1) / 1e6);
    runs.arrow.push(Number(t3 - t2) / 1e6);
    runs.total.push(Number(t3 - t0) / 1e6);
  }
  return {
    totalMs: round(median(runs.total)),
    breakdown: {
      decode: round(median(runs.decode)),
      nestedSet: round(median(runs.nestedSet)),
      arrow: round(median(runs.arrow)),
    },
  };
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
