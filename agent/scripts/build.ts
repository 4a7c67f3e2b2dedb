// `npm run build`: the package's JavaScript as one bundle (`dist/index.js`) plus `dist/register.js`, which only
// loads that bundle and starts it, so `--require …/register` and `import … from '@emberlabs/pyroscope-agent'`
// share one running agent. Declarations, with their documentation, come from tsc (`tsconfig.types.json`).
// `npx tsx scripts/build.ts --outdir <dir>` builds it elsewhere (the package test, measureOverhead).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';

const root = path.join(__dirname, '..');
const { values } = parseArgs({
  options: { outdir: { type: 'string' } },
});
const outdir = path.resolve(values.outdir ?? path.join(root, 'dist'));

rmSync(outdir, { recursive: true, force: true });
for (const entry of ['index', 'register']) {
  buildSync({
    entryPoints: [path.join(root, 'src', `${entry}.ts`)],
    outfile: path.join(outdir, `${entry}.js`),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Loaded lazily or by the app itself; pprof-format stays a dependency (its licence travels with it).
    // `register` imports `./index`, which stays an import: register.js loads the bundle, not a copy of it.
    external: ['@datadog/pprof', '@opentelemetry/api', 'pprof-format', ...(entry === 'register' ? ['./index'] : [])],
    // Whitespace and syntax only: the agent's own frames keep their names in the app's flame graphs.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
const types = spawnSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.types.json', '--outDir', outdir],
  { cwd: root, stdio: 'inherit' }
);
if (types.status !== 0) {
  throw new Error(
    `tsc could not write the declarations (${types.error?.message ?? `exit ${types.status ?? types.signal}`})`
  );
}
