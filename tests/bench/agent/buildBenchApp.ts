import { buildSync } from 'esbuild';
import { join } from 'node:path';

import type { AppMode } from './parseBenchArgs';

/** What every side's Node runs: the sample app, the benchmark's preloads, and the loader they need first. */
export type BenchApp = { mode: AppMode; loader: string[]; server: string; samplerPreload: string; peerPreload: string };

/**
 * The sample app as the servers run it. `tsx`: from its TypeScript sources through tsx, as `npm run sample`
 * runs it. `built`: built with esbuild into tests/bench/agent/dist (dependencies stay in node_modules), the way a
 * service is deployed and the anchor measured its prototype, with no loader in the process. V8's profiler
 * indexes every script, so without tsx's modules, esbuild's API and inline source maps any profiler holds
 * ≈ 2.5 MB less at start (agent/MEASUREMENTS.md, session 12).
 */
export function buildBenchApp(repoRoot: string, mode: AppMode): BenchApp {
  const server = join(repoRoot, 'samples', 'trigs-api', 'src', 'server.ts');
  const samplerPreload = join(__dirname, 'samplerPreload.ts');
  const peerPreload = join(__dirname, 'pyroscopePreload.ts');
  if (mode === 'tsx') {
    return { mode, loader: ['--require', require.resolve('tsx/cjs')], server, samplerPreload, peerPreload };
  }
  const outdir = join(__dirname, 'dist');
  buildSync({
    entryPoints: { server, samplerPreload, peerPreload },
    outdir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return {
    mode,
    loader: [],
    server: join(outdir, 'server.js'),
    samplerPreload: join(outdir, 'samplerPreload.js'),
    peerPreload: join(outdir, 'peerPreload.js'),
  };
}
