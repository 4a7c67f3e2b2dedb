import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

import { buildPyroscope } from '../pyroscope/buildPyroscope';
import { preparePythonVenv } from './preparePythonVenv';

// Builds the Go programs the integration tests run, and the FastAPI scenario's Python venv, up front, so no
// test waits on a compiler or on pip.
async function main(): Promise<void> {
  const binary = await buildPyroscope((line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`pyroscope: ${binary}\n`);
  execFileSync('bash', [resolve(__dirname, '..', 'grafana-client', 'run.sh'), '--build-only'], { stdio: 'inherit' });
  // The compose check runs through `go run`; building once fills Go's caches with its modules and objects.
  execFileSync('go', ['build', '-o', '/dev/null', '.'], {
    cwd: resolve(__dirname, '..', 'compose-config'),
    stdio: 'inherit',
  });
  process.stdout.write(`python venv: ${await preparePythonVenv((line) => process.stderr.write(`${line}\n`))}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit.call(process, 1);
});
