import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

import { buildPyroscope } from '../pyroscope/buildPyroscope';

// Builds the Go programs the integration tests run, up front, so no test waits on a compiler.
async function main(): Promise<void> {
  const binary = await buildPyroscope((line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`pyroscope: ${binary}\n`);
  execFileSync('bash', [resolve(__dirname, '..', 'grafana-client', 'run.sh'), '--build-only'], { stdio: 'inherit' });
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit.call(process, 1);
});
