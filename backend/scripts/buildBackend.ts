// `npm run build:backend`: runs after webpack has written dist/, whose clean step keeps the launchers
// (`*_amd64`, `*_arm64`) but not the bundle.
import { join, relative } from 'path';

import { bundleBackend } from './bundleBackend';

const root = join(__dirname, '../..');

bundleBackend({ entryPoint: join(root, 'backend/src/main.ts'), outDir: join(root, 'dist/datasource') }).then(
  (launchers) => console.log(`backend bundled; launchers: ${launchers.map((path) => relative(root, path)).join(', ')}`),
  (error: unknown) => {
    console.error(error);
    process.exit.call(process, 1);
  }
);
