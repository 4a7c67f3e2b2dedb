// The trigs-api sample service: `node --require tsx/cjs samples/trigs-api/src/server.ts` (add
// `--require ./agent/dist/register.js` and PYROSCOPE_* variables to profile it). Prints one line,
// `listening on http://HOST:PORT`, on stdout once it serves; stops cleanly on SIGTERM or SIGINT.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createBenchControl } from './createBenchControl';
import { createTrigsApi } from './createTrigsApi';
import { readServerConfig } from './readServerConfig';
import { startTracing } from './startTracing';

const DRAIN_MS = 5000;

async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  const tracing = startTracing(process.env);
  const bench = config.bench ? createBenchControl(config.bench.loopResolutionMs, config.bench.stallProbe) : undefined;
  const server = createServer(createTrigsApi({ tracer: tracing.tracer, bench }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  process.stderr.write(
    `trigs-api: tracing export ${tracing.exporter}, span profiles ${tracing.spanProfiles ? 'on' : 'off'}${bench ? ', bench control on' : ''}\n`
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    process.stderr.write(`trigs-api: ${signal}, draining\n`);
    // In-flight requests get DRAIN_MS; then remaining sockets are cut and spans flushed. An agent that keeps
    // timers alive gets the same grace for its own last upload before the process exits.
    const drain = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    server.close(() => {
      clearTimeout(drain);
      tracing
        .shutdown()
        .catch((error: Error) => process.stderr.write(`trigs-api: span flush failed: ${error.message}\n`))
        .finally(() => setTimeout(() => process.exit.call(process, 0), DRAIN_MS).unref());
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  // Announced only now: a supervisor may signal the moment it reads this line, and without handlers a
  // SIGTERM would kill the process undrained.
  process.stdout.write(`listening on http://${config.host}:${port}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`trigs-api: ${error.message}\n`);
  process.exit.call(process, 1);
});
