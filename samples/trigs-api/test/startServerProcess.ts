import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type ServerProcess = { url: string; child: ChildProcess; stderr: string[]; exit: Promise<number | null> };

const SERVER = join(__dirname, '..', 'src', 'server.ts');

/** Runs src/server.ts as its own process (through tsx, like users do) and waits for its `listening on` line. */
export function startServerProcess(env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--require', require.resolve('tsx/cjs'), SERVER], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^listening on (http:\/\/\S+)$/.exec(line);
      if (match) {
        resolve({ url: match[1]!, child, stderr, exit });
      }
    });
    void exit.then((code) => reject(new Error(`server exited (${code}) before listening: ${stderr.join('\n')}`)));
  });
}
