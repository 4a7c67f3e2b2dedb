import { Profile, Sample } from 'pprof-format';

import { syntheticPprofs } from './syntheticPprof';

const WINDOW_MS = 10_000;
const GOLDEN = 0.6180339887;

/**
 * What an agent uploads for one process over `windows` ten-second windows ending at `endMs`: each window a
 * pprof of `samplesPerWindow` one-tick CPU samples (100 Hz) spread over the stacks of a call tree with
 * fanout^1 + … + fanout^depth nodes, skewed towards some stacks as real hot paths are, so that the windows
 * together cover the tree the way a busy service's uploads cover its code over an hour. Newest window first.
 */
export function syntheticWindows(
  windows: number,
  samplesPerWindow: number,
  endMs: number,
  tree: { fanout: number; depth: number; functionNames: number }
): Profile[] {
  // Every stack of the tree once, over a few pprofs (each with its own string and location tables).
  const parts = syntheticPprofs(tree.fanout, tree.depth, endMs, tree.functionNames);
  const profiles: Profile[] = [];
  for (let w = 0; w < windows; w++) {
    const part = parts[w % parts.length]!;
    const stacks = part.sample.length;
    const sample = Array.from({ length: samplesPerWindow }, (_, i) => {
      // A low-discrepancy walk over the stacks, squared so that low indexes come up more often.
      const spread = (i * GOLDEN + w * 0.3719) % 1;
      const stack = part.sample[Math.floor(stacks * spread * spread)]!;
      return new Sample({ locationId: stack.locationId, value: [1, 10_000_000] });
    });
    profiles.push(
      new Profile({
        ...part,
        sample,
        timeNanos: BigInt(endMs - w * WINDOW_MS) * 1_000_000n,
        durationNanos: BigInt(WINDOW_MS) * 1_000_000n,
      })
    );
  }
  return profiles;
}
