import type { ChildProcess } from 'node:child_process';

/** Asks a child process to stop (SIGTERM), kills it if it is still there after `killAfterMs`, resolves on exit. */
export function stopChild(child: ChildProcess, killAfterMs: number): Promise<void> {
  return new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      done();
      return;
    }
    const kill = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}
