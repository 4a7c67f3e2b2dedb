// `npm run package` (after `npm run build`): dist/ as artifacts/emberlabs-profiles-app-<version>.zip, one
// folder named after the app id, ready for Grafana's plugins folder or GF_INSTALL_PLUGINS.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { zipFolder } from './zipFolder';

const root = join(__dirname, '../..');
const dist = join(root, 'dist');

if (!existsSync(join(dist, 'plugin.json')) || !existsSync(join(dist, 'datasource', 'gpx_profiles.js'))) {
  process.stderr.write('package: dist/ has no built plugin; run `npm run build` first\n');
  process.exitCode = 1;
} else {
  const manifest = JSON.parse(readFileSync(join(dist, 'plugin.json'), 'utf8')) as {
    id: string;
    info: { version: string };
  };
  const out = join(root, 'artifacts', `${manifest.id}-${manifest.info.version}.zip`);
  mkdirSync(join(root, 'artifacts'), { recursive: true });
  writeFileSync(out, zipFolder(dist, manifest.id));
  process.stdout.write(`${relative(root, out)}\n`);
}
