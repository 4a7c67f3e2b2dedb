import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export type AgentEntry = { path: string; label: string };

/**
 * The register entry of this repository's agent, preloaded with `--require`: `BENCH_AGENT_ENTRY` if set;
 * else `agent/dist/register.js` when it is at least as new as every file in `agent/src/` (what users run);
 * else `agent/src/register.ts` through tsx. Undefined while neither exists.
 */
export function findOurAgent(repoRoot: string): AgentEntry | undefined {
  const explicit = process.env.BENCH_AGENT_ENTRY;
  if (explicit) {
    return { path: explicit, label: explicit };
  }
  const source = join(repoRoot, 'agent', 'src', 'register.ts');
  const built = join(repoRoot, 'agent', 'dist', 'register.js');
  if (
    existsSync(built) &&
    (!existsSync(source) || statSync(built).mtimeMs >= newestMtime(join(repoRoot, 'agent', 'src')))
  ) {
    return { path: built, label: relative(repoRoot, built) };
  }
  return existsSync(source) ? { path: source, label: `${relative(repoRoot, source)} (through tsx)` } : undefined;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}
