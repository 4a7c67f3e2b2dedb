import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const toolDir = resolve(__dirname, '..', 'compose-config');

/**
 * Runs tests/compose-config, the compose-spec loader Docker Compose itself uses (through Go's build cache, so
 * only the first call compiles): `['config', FILE]` gives the validated, resolved project as
 * `docker compose config --format json` would print it; `['yaml', FILE...]` gives YAML files as JSON.
 * A file the loader rejects throws with its message.
 */
export function composeConfig(args: string[]): unknown {
  const paths = args.map((arg, index) => (index === 0 ? arg : resolve(arg)));
  try {
    const out = execFileSync('go', ['run', '.', ...paths], { cwd: toolDir, encoding: 'utf8', stdio: 'pipe' });
    return JSON.parse(out) as unknown;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(stderr.trim() || (error as Error).message);
  }
}
