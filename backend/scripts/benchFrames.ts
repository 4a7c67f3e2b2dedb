// Times the backend's own share of a flame graph answer: Pyroscope levels → nested-set frame → Arrow file.
// `npx tsx backend/scripts/benchFrames.ts` prints the figures as JSON; `npm run bench:backend` can import them.
import { encodeFrame } from '../src/arrow/encodeFrame';
import { flameGraphToFrame } from '../src/frames/flameGraphToFrame';
import { syntheticFlameGraph } from '../src/frames/syntheticFlameGraph';
import type { Frame } from '../src/plugin/types';

export type FrameBenchFigures = {
  convert_1m_nodes_ms: number;
  encode_1m_nodes_ms: number;
  encoded_1m_nodes_bytes: number;
  convert_16k_nodes_ms: number;
  encode_16k_nodes_ms: number;
  encoded_16k_nodes_bytes: number;
};

const cpu = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

/** Medians of `runs` runs each, on syntheticFlameGraph(1,048,576) and syntheticFlameGraph(16,384). */
export function benchFrames(runs = 5): FrameBenchFigures {
  const large = measure(1_048_576, runs);
  const small = measure(16_384, runs);
  return {
    convert_1m_nodes_ms: large.convertMs,
    encode_1m_nodes_ms: large.encodeMs,
    encoded_1m_nodes_bytes: large.bytes,
    convert_16k_nodes_ms: small.convertMs,
    encode_16k_nodes_ms: small.encodeMs,
    encoded_16k_nodes_bytes: small.bytes,
  };
}

function measure(nodeCount: number, runs: number): { convertMs: number; encodeMs: number; bytes: number } {
  const graph = syntheticFlameGraph(nodeCount);
  const convert: number[] = [];
  const encode: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    let frame: Frame | undefined;
    convert.push(timed(() => (frame = flameGraphToFrame(graph, cpu, 'A'))));
    encode.push(timed(() => (bytes = encodeFrame(frame!).length)));
  }
  return { convertMs: median(convert), encodeMs: median(encode), bytes };
}

function timed(work: () => unknown): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
}

if (require.main === module) {
  process.stdout.write(`${JSON.stringify(benchFrames())}\n`);
}
