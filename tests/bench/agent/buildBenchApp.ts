import { buildSync } from 'esbuild';
import { join } from 'node:path';

/** The sample app and the benchmark's preloads as plain JavaScript: what every side's Node runs. */
export type BenchApp = { server: string; samplerPreload: string; peerPreload: string };

/**
 * Builds samples/trigs-api and the preloads with esbuild into tests/bench/agent/dist (dependencies stay in
 * node_modules), so the servers run the way a service is deployed, compiled, with no TypeScript loader in the
 * process. Under tsx every side would also carry tsx, esbuild's API and inline source maps, and V8's
 * profiler would index all of them (≈ 2.5 MB more RSS at start for any V8-based profiler).
 */
export function buildBenchApp(repoRoot: string): BenchApp {
  const outdir = join(repoRoot, 'tests', 'bench', 'agent', 'dist');
  buildSync({
    entryPoints: {
      server: join(repoRoot, 'samples', 'trigs-api', 'src', 'server.ts'),
      samplerPreload: join(__dirname, 'samplerPreload.ts'),
      peerPreload: join(__dirname, 'pyroscopePreload.ts'),
    },
    outdir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return {
    server: join(outdir, 'server.js'),
    samplerPreload: join(outdir, 'samplerPreload.js'),
    peerPreload: join(outdir, 'peerPreload.js'),
  };
}
