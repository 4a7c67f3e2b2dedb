import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** What glibc's malloc holds in a process, from its own `malloc_info()`, MB. */
export type MallocInfo = {
  /** Memory the arenas have taken from the system (heaps), plus mmap'ed chunks. */
  system_mb: number;
  /** Of that, free chunks malloc keeps for reuse (bins and each arena's top): allocator slack, not live data. */
  free_mb: number;
  /** `system_mb - free_mb`: what the process's native code has allocated and not freed. */
  in_use_mb: number;
  /**
   * Of `free_mb`, what the main arena keeps (the main thread's allocations: the app's, the agent's, V8's
   * inspector); the rest sits in the arenas of other threads (V8's compiler and GC workers, libuv's pool).
   */
  main_arena_free_mb: number;
  arenas: number;
};

const run = promisify(execFile);

/**
 * Asks a running process's glibc for `malloc_info()` through gdb (attach, one call, detach). Undefined where
 * that is not possible: no gdb, ptrace not permitted, not glibc. Diagnostic only: it splits the benchmark's
 * native memory into what is in use and what malloc merely keeps free.
 */
export async function readMallocInfo(pid: number): Promise<MallocInfo | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'malloc-info-'));
  const file = join(dir, 'info.xml');
  try {
    await run(
      'gdb',
      [
        '-p',
        String(pid),
        '-batch',
        '-nx',
        '-ex',
        `call (void*) fopen("${file}", "w")`,
        '-ex',
        'call (int) malloc_info(0, $1)',
        '-ex',
        'call (int) fclose($1)',
      ],
      { timeout: 30_000 }
    );
    return parseMallocInfo(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The process-wide totals at the end of `malloc_info()`'s XML (after the per-arena `<heap>` elements). */
export function parseMallocInfo(xml: string): MallocInfo | undefined {
  const tail = xml.slice(xml.lastIndexOf('</heap>') + 1);
  const mainArena = /<heap nr="0">([\s\S]*?)<\/heap>/.exec(xml)?.[1] ?? '';
  const fast = totalOf(tail, 'fast');
  const rest = totalOf(tail, 'rest');
  const mmap = totalOf(tail, 'mmap');
  const system = /<system type="current" size="(\d+)"\/>/.exec(tail)?.[1];
  const mainFast = totalOf(mainArena, 'fast');
  const mainRest = totalOf(mainArena, 'rest');
  if (
    fast === undefined ||
    rest === undefined ||
    mmap === undefined ||
    system === undefined ||
    mainFast === undefined ||
    mainRest === undefined
  ) {
    return undefined;
  }
  const mb = (bytes: number): number => bytes / (1024 * 1024);
  return {
    system_mb: mb(Number(system) + mmap),
    free_mb: mb(fast + rest),
    in_use_mb: mb(Number(system) + mmap - fast - rest),
    main_arena_free_mb: mb(mainFast + mainRest),
    arenas: (xml.match(/<heap nr=/g) ?? []).length,
  };
}

/** Bytes of a `<total type="…">` element in `xml` (an arena's, or the process-wide ones after the arenas). */
function totalOf(xml: string, type: 'fast' | 'rest' | 'mmap'): number | undefined {
  const match = new RegExp(`<total type="${type}" count="\\d+" size="(\\d+)"/>`).exec(xml);
  return match ? Number(match[1]) : undefined;
}
