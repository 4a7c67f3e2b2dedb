// `npm run bench:backend`: what the backend adds on top of Pyroscope, printed as one JSON object.
//   overhead_ratio      median QueryData round trip through the backend (Grafana's client, one plugin
//                       process) over the median time of the same SelectMergeStacktraces call straight to
//                       Pyroscope (uncompressed, body read), the two interleaved in one Go process, for a
//                       16,384-node flame graph in a real Pyroscope; overhead_ratio_with_sdk_decode also
//                       counts Grafana's own decoding of the Arrow frames, which every backend plugin pays
//   convert_1m_nodes_ms median time to turn Pyroscope's binary answer of 1,048,576 nodes into the Arrow
//                       frame Grafana receives (decode + nested set + Arrow IPC), in this process
//   concurrent_failures failed answers among 50 simultaneous QueryData calls
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

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

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const NODES = 16384;
const RUNS = 30;
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

async function main(): Promise<void> {
  // The bench pushes 30 profiles back to back, faster than Pyroscope's default 4 MB/s ingestion limit.
  const pyroscope = await launchPyroscope({
    log: (line) => process.stderr.write(`${line}\n`),
    extraArgs: ['-distributor.ingestion-rate-limit-mb=64', '-distributor.ingestion-burst-size-mb=64'],
  });
  const work = mkdtempSync(join(tmpdir(), 'bench-backend-'));
  try {
    const now = Date.now();
    // What a dashboard asks for: the flame graph of a service's last minutes, here 10 minutes of uploads
    // (30 profiles). Their call tree has 12^1 + … + 12^4 = 22,620 nodes named from 4,096 functions, so
    // Pyroscope truncates it to maxNodes. SMALL_INPUT=1 pushes one round only (Pyroscope answers faster;
    // the backend's share stays the same, since it depends on the answer's size).
    const rounds = process.env.SMALL_INPUT === '1' ? 1 : 15;
    for (let round = 0; round < rounds; round++) {
      for (const profile of syntheticPprofs(12, 4, now - 30000 - round * 40000, 4096)) {
        await pushPprof(pyroscope.url, gzipSync(profile.encode()), {
          service: 'bench',
          timeMs: Number(BigInt(profile.timeNanos) / 1_000_000n),
        });
      }
    }
    const window = { startMs: now - 600000, endMs: now + 60000 };
    await waitForProfiles(pyroscope.url, CPU, '{service_name="bench"}', window.startMs, window.endMs);

    const request = encodeSelectMergeStacktraces({
      profileTypeId: CPU,
      labelSelector: '{service_name="bench"}',
      window,
      maxNodes: NODES,
    });
    const requestFile = join(work, 'request.bin');
    writeFileSync(requestFile, request);
    const directUrl = `${pyroscope.url}/querier.v1.QuerierService/SelectMergeStacktraces`;
    const answer = await fetch(directUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/proto', 'Connect-Protocol-Version': '1', 'Accept-Encoding': 'identity' },
      body: request,
    });
    const graph = decodeFlameGraph(Buffer.from(await answer.arrayBuffer()));
    const nodes = graph.levels.reduce((sum, level) => sum + level.length / 4, 0);

    const settingsFile = join(work, 'settings.json');
    writeFileSync(settingsFile, JSON.stringify({ url: pyroscope.url, jsonData: {} }));
    const query = JSON.stringify({
      refId: 'A',
      queryType: 'profile',
      profileTypeId: CPU,
      labelSelector: '{service_name="bench"}',
      maxNodes: NODES,
    });
    const bench = async (runs: number, concurrency: number, extra: string[] = []): Promise<QueryBench> => {
      const args = [
        'query-bench',
        '--settings',
        settingsFile,
        '--query',
        query,
        '--from',
        String(window.startMs),
        '--to',
        String(window.endMs),
      ];
      const { stdout } = await run(
        'bash',
        [
          join(repoRoot, 'tests', 'grafana-client', 'run.sh'),
          ...args,
          '--runs',
          String(runs),
          '--concurrency',
          String(concurrency),
          ...extra,
        ],
        {
          cwd: repoRoot,
          maxBuffer: 64 * 1024 * 1024,
        }
      );
      return JSON.parse(stdout) as QueryBench;
    };
    await bench(3, 1); // warm the plugin path (first start, JIT) before measuring
    // Direct and through-the-backend calls alternate in one Go process, so machine-speed drift hits both.
    const through = await bench(RUNS, 1, ['--direct', directUrl, '--direct-body', requestFile]);
    const concurrent = await bench(50, 50);

    const convert = convertOneMillionNodes();
    const pyroscopeMs = through.directMedianMs;
    process.stdout.write(
      `${JSON.stringify({
        nodes,
        distinct_names: graph.names.length,
        profiles_merged: rounds * 2,
        pyroscope_ms: round(pyroscopeMs),
        backend_ms: round(through.rpcMedianMs),
        overhead_ratio: round(through.rpcMedianMs / pyroscopeMs, 3),
        backend_with_sdk_decode_ms: round(through.medianMs),
        overhead_ratio_with_sdk_decode: round(through.medianMs / pyroscopeMs, 3),
        runs: RUNS,
        pyroscope_ms_spread: [round(Math.min(...through.directTimesMs)), round(Math.max(...through.directTimesMs))],
        backend_ms_spread: [round(Math.min(...through.rpcTimesMs)), round(Math.max(...through.rpcTimesMs))],
        backend_failures: through.failures,
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
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
