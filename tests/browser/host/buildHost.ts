import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

import { cjsDefaultInterop } from './cjsDefaultInterop';

const RUNTIME = dirname(require.resolve('@grafana/runtime/package.json'));

export type HostBundle = { dir: string; remove(): void };

/**
 * Bundles the browser side of the host (app/hostEntry.tsx with the plugin's src/ and the real @grafana
 * packages) for the browser into a temp dir: host.js and host.css. Production React, minified, as Grafana
 * ships it, so timings mean what they would in Grafana.
 */
export async function buildHost(): Promise<HostBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'browser-host-'));
  try {
    await build({
      entryPoints: { host: join(__dirname, 'app', 'hostEntry.tsx') },
      outdir: dir,
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'chrome120',
      minify: process.env.HOST_DEV !== '1',
      jsx: 'automatic',
      tsconfig: join(__dirname, 'app', 'tsconfig.json'),
      define: {
        'process.env.NODE_ENV': process.env.HOST_DEV === '1' ? '"development"' : '"production"',
        global: 'window',
      },
      // @grafana/runtime's internal setters (see app/grafanaInternals.ts).
      alias: { '@grafana/runtime-internal': join(RUNTIME, 'dist', 'esm') },
      resolveExtensions: ['.tsx', '.ts', '.jsx', '.js', '.mjs', '.json'],
      loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'file', '.woff2': 'file', '.ttf': 'file' },
      plugins: [cjsDefaultInterop()],
      logLevel: 'silent',
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
