import { join, resolve } from 'node:path';

/** The shared pprof fixtures live beside the repository (../shared/fixtures/pprof), never inside it. */
export function fixturePath(name: string): string {
  return join(resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'pprof'), name);
}
