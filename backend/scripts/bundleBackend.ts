import { build } from 'esbuild';
import { chmod, mkdir, readFile, writeFile } from 'fs/promises';
import { join } from 'path';

export const PLUGIN_ID = 'emberlabs-profiles-datasource';
/** plugin.json's `executable`; Grafana runs `<executable>_<os>_<arch>` from the plugin's folder. */
export const EXECUTABLE = 'gpx_profiles';
/** One launcher per platform Grafana ships for; they are identical, as the bundle is plain JS. */
const PLATFORMS = ['linux_amd64', 'linux_arm64', 'darwin_amd64', 'darwin_arm64'];

export type BundleBackendOptions = {
  /** The backend's entry point (backend/src/main.ts). */
  entryPoint: string;
  /** The nested datasource's folder in dist/. */
  outDir: string;
};

/**
 * Bundles the backend into one self-contained JS file (dependencies and .proto texts inlined; nothing
 * from node_modules is needed at run time) and writes the launchers next to it. Returns the launchers' paths.
 */
export async function bundleBackend({ entryPoint, outDir }: BundleBackendOptions): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [entryPoint],
    outfile: join(outDir, `${EXECUTABLE}.js`),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Whitespace and syntax only: names stay readable in the stack traces that reach Grafana's log.
    minifyWhitespace: true,
    minifySyntax: true,
    loader: { '.proto': 'text' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  const template = await readFile(join(__dirname, '../launcher/launcher.sh'), 'utf8');
  const launcher = template.replaceAll('@PLUGIN_ID@', PLUGIN_ID).replaceAll('@EXECUTABLE@', EXECUTABLE);
  return Promise.all(
    PLATFORMS.map(async (platform) => {
      const path = join(outDir, `${EXECUTABLE}_${platform}`);
      await writeFile(path, launcher);
      await chmod(path, 0o755);
      return path;
    })
  );
}
