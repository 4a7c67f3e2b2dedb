import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// An environment variable name as code reads it: a quoted literal ('PYROSCOPE_TAGS', "OTEL_SERVICE_NAME") or a
// property of an env object (env.NODE_ENV).
const QUOTED = /['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)['"`]/g;
const PROPERTY = /\benv\.([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\b/g;

/**
 * The environment variable names that the source files under `roots` (files or folders, searched for the
 * given extensions) mention the way code reads them. Used to check that every variable the demo stack and the
 * README set is one some code actually reads.
 */
export function variablesReadBy(roots: string[], extensions: string[]): Set<string> {
  const names = new Set<string>();
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry !== 'node_modules' && !entry.startsWith('.')) {
          visit(join(path, entry));
        }
      }
      return;
    }
    if (!extensions.some((extension) => path.endsWith(extension)) || /\.test\.[jt]s$/.test(path)) {
      return;
    }
    const text = readFileSync(path, 'utf8');
    for (const pattern of [QUOTED, PROPERTY]) {
      for (const match of text.matchAll(pattern)) {
        names.add(match[1]!);
      }
    }
  };
  roots.forEach(visit);
  return names;
}
