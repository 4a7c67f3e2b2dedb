import { spawn } from 'node:child_process';
import path from 'node:path';

const register = path.join(__dirname, '..', '..', 'src', 'register.ts');

export type RunAppOptions = {
  env?: Record<string, string>;
  nodeFlags?: string[];
  /**
   * Preload the register entry (zero-code mode): the source's (true, the default), none (false, for fixtures
   * that start the agent themselves) or a built one (its path, loaded with `--require`).
   */
  register?: boolean | string;
};

/** Runs a fixture app (by default under `--import <register>`, zero-code mode) pointed at a fake receiver. */
export function runApp(
  fixture: string,
  url: string,
  { env = {}, nodeFlags = [], register: preload = true }: RunAppOptions = {}
) {
  const child = spawn(
    process.execPath,
    [
      ...nodeFlags,
      '--import',
      'tsx',
      ...(typeof preload === 'string' ? ['--require', preload] : preload ? ['--import', register] : []),
      path.join(__dirname, '..', 'fixtures', fixture),
    ],
    {
      env: {
        ...process.env,
        PYROSCOPE_SERVER_ADDRESS: url,
        PYROSCOPE_APPLICATION_NAME: 'exit-test',
        PYROSCOPE_UPLOAD_INTERVAL: '60s',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal }))
  );
  const ready = async () => {
    while (!stdout.includes('ready')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { child, exited, ready, output: () => ({ stdout, stderr }) };
}
