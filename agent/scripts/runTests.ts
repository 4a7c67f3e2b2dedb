// Runs agent/test/*.test.ts with node:test on the given Node (`--node 24` installs Node 24 if needed), so
// the same tests run on Node 20 and Node 24: `npx tsx scripts/runTests.ts [--node 24]`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { node24 } from './node24';

const root = path.join(__dirname, '..');
const binary = process.argv.includes('24') ? node24() : process.execPath;
const files = readdirSync(path.join(root, 'test'))
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => path.join('test', name));
const result = spawnSync(binary, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit.call(process, result.status ?? 1);
