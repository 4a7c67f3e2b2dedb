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
  const size = (pattern: RegExp): number | undefined => {
    const match = pattern.exec(tail);
    return match ? Number(match[1]) : undefined;
  };
  const fast = size(/<total type="fast" count="\d+" size="(\d+)"\/>/);
  const rest = size(/<total type="rest" count="\d+" size="(\d+)"\/>/);
  const mmap = size(/<total type="mmap" count="\d+" size="(\d+)"\/>/);
  const system = size(/<system type="current" size="(\d+)"\/>/);
  if (fast === undefined || rest === undefined || mmap === undefined || system === undefined) {
    return undefined;
  }
  const mb = (bytes: number): number => bytes / (1024 * 1024);
  return {
    system_mb: mb(system + mmap),
    free_mb: mb(fast + rest),
    in_use_mb: mb(system + mmap - fast - rest),
    arenas: (xml.match(/<heap nr=/g) ?? []).length,
  };
}
