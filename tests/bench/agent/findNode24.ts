import { existsSync } from 'node:fs';

import { node24 } from '../../../agent/scripts/node24';

/**
 * The Node 24 binary for the span-profile runs: `BENCH_NODE24`, else the tools cache's copy, installed there
 * first when missing (as the agent's Node 24 tests do), so a fresh machine measures span profiles too.
 */
export function findNode24(): { path: string } | { missing: string } {
  const fromEnv = process.env.BENCH_NODE24;
  if (fromEnv) {
    return existsSync(fromEnv) ? { path: fromEnv } : { missing: `BENCH_NODE24=${fromEnv} does not exist` };
  }
  try {
    return { path: node24() };
  } catch (error) {
    return { missing: `Node 24 could not be installed (${error instanceof Error ? error.message : String(error)})` };
  }
}
