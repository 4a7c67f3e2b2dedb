import { readFileSync } from 'node:fs';

/** A process's resident memory by kind, MB, from the kernel's own split in /proc/PID/status. */
export type RssSplit = {
  /** Private anonymous pages: heaps (V8's and malloc's), stacks, everything the process allocated. */
  anon_mb: number;
  /**
   * Pages of mapped files, mostly the node binary's code: a profiler pulls in V8's sampler, code-event logging
   * and inspector code, which are shared with every other process running that binary and can be reclaimed.
   */
  file_mb: number;
};

/** Reads RssAnon and RssFile of `pid`; undefined where /proc has no such process or no such fields. */
export function readRssSplit(pid: number): RssSplit | undefined {
  try {
    return parseRssSplit(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}

export function parseRssSplit(status: string): RssSplit | undefined {
  const kb = (field: string): number | undefined => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    return match ? Number(match[1]) : undefined;
  };
  const anon = kb('RssAnon');
  const file = kb('RssFile');
  return anon === undefined || file === undefined ? undefined : { anon_mb: anon / 1024, file_mb: file / 1024 };
}
