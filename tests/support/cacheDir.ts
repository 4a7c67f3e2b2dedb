import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where built tools (Pyroscope, the Go client) are kept between runs; CI on the same machine reuses it. */
export function cacheDir(...parts: string[]): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'emberlabs-profiles', ...parts);
}
