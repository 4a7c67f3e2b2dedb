// `npm run sample`: the trigs-api sample app, profiled by this repository's agent (zero-code, through
// `--require …/register`) and traced with OpenTelemetry, under a steady load from the load generator, until
// Ctrl-C. Configure with the usual variables (PYROSCOPE_SERVER_ADDRESS, default http://localhost:4040;
// PYROSCOPE_AUTH_TOKEN, PYROSCOPE_TAGS, OTEL_EXPORTER_OTLP_ENDPOINT, …; PORT, default 8080) and flags:
//   --concurrency 2  --think-ms 10  --mix standard  --duration 0 (seconds; 0 = until stopped)  --no-agent
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

import { MIXES } from './load-generator/src/mixes';
import { runLoad } from './load-generator/src/runLoad';

const REPORT_EVERY_S = 60;

function agentRegister(repoRoot: string): string | undefined {
  const built = join(repoRoot, 'agent', 'dist', 'register.js');
  const source = join(repoRoot, 'agent', 'src', 'register.ts');
  return existsSync(built) ? built : existsSync(source) ? source : undefined;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      concurrency: { type: 'string', default: '2' },
      'think-ms': { type: 'string', default: '10' },
      mix: { type: 'string', default: 'standard' },
      duration: { type: 'string', default: '0' },
      'no-agent': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const mix = MIXES[values.mix];
  if (!mix) {
    throw new Error(`--mix must be one of ${Object.keys(MIXES).join(', ')}, got ${JSON.stringify(values.mix)}`);
  }
  const repoRoot = join(__dirname, '..');
  const register = values['no-agent'] ? undefined : agentRegister(repoRoot);
  if (!register && !values['no-agent']) {
    process.stderr.write(
      'sample: agent/dist/register.js and agent/src/register.ts are missing; running without the agent\n'
    );
  }
  const serviceName = process.env.OTEL_SERVICE_NAME || 'trigs-api';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: process.env.PORT ?? '8080',
    OTEL_SERVICE_NAME: serviceName,
    PYROSCOPE_ENABLED: process.env.PYROSCOPE_ENABLED ?? 'true',
    PYROSCOPE_SERVER_ADDRESS: process.env.PYROSCOPE_SERVER_ADDRESS ?? 'http://localhost:4040',
    // The profile's service_name must equal the traces' service.name for trace-to-profile links.
    PYROSCOPE_APPLICATION_NAME: process.env.PYROSCOPE_APPLICATION_NAME ?? serviceName,
  };
  const preload = ['--require', require.resolve('tsx/cjs'), ...(register ? ['--require', register] : [])];
  const server = spawn(process.execPath, [...preload, join(__dirname, 'trigs-api', 'src', 'server.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: server.stdout }).on('line', (line) => {
      process.stdout.write(`${line}\n`);
      const match = /^listening on (http:\/\/\S+)$/.exec(line);
      if (match) {
        resolve(match[1]!.replace('0.0.0.0', '127.0.0.1'));
      }
    });
    void exited.then((code) => reject(new Error(`the sample app exited (${code}) before listening`)));
  });
  process.stderr.write(
    `sample: profiles to ${env.PYROSCOPE_SERVER_ADDRESS} as ${env.PYROSCOPE_APPLICATION_NAME}${register ? '' : ' (no agent)'}; Ctrl-C stops\n`
  );

  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let stopping = false;
  process.once('SIGINT', () => ((stopping = true), stop()));
  process.once('SIGTERM', () => ((stopping = true), stop()));
  void exited.then(() => ((stopping = true), stop()));
  const totalS = Number(values.duration);
  const deadline = totalS > 0 ? Date.now() + totalS * 1000 : Infinity;
  while (!stopping && Date.now() < deadline) {
    const report = await runLoad({
      url,
      concurrency: Number(values.concurrency),
      thinkMs: Number(values['think-ms']),
      mix,
      mixName: values.mix,
      durationS: Math.min(REPORT_EVERY_S, (deadline - Date.now()) / 1000),
      stopSignal: stopped,
    });
    const { requests, errors, rps, latency_ms: latency } = report.measured;
    process.stderr.write(
      `sample: ${JSON.stringify({ requests, errors, rps, p50_ms: latency.p50, p99_ms: latency.p99 })}\n`
    );
  }
  if (server.exitCode === null) {
    server.kill('SIGTERM');
  }
  process.exitCode = (await exited) ?? 1;
}

main().catch((error: Error) => {
  process.stderr.write(`sample: ${error.message}\n`);
  process.exit.call(process, 1);
});
