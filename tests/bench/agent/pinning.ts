import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export type Pinning = {
  /** Where the servers under test run together (the same CPU for both sides of a pair). */
  serverCpu: number;
  /** Where the load generators, receivers and this driver run. */
  clientCpu: number;
  /** The command prefix that pins a child to a CPU; empty when `taskset` is missing (runs unpinned). */
  prefix(cpu: number): string[];
  note: string;
};

/**
 * CPU placement for the same-CPU pair method: servers on CPU 1, everything else on CPU 0, with `taskset`
 * (Linux, util-linux). On one CPU everything shares CPU 0; without `taskset` nothing is pinned and the
 * figures are noisier (the JSON says so).
 */
export function choosePinning(): Pinning {
  let taskset = true;
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
  } catch {
    taskset = false;
  }
  const cpus = availableParallelism();
  const serverCpu = cpus > 1 ? 1 : 0;
  if (taskset) {
    execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  }
  return {
    serverCpu,
    clientCpu: 0,
    prefix: (cpu) => (taskset ? ['taskset', '-c', String(cpu)] : []),
    note: taskset
      ? `servers on CPU ${serverCpu}, load generators, receivers and driver on CPU 0 (taskset)`
      : 'taskset not found: nothing pinned, figures are noisier',
  };
}
