// The load generator's command line: `node --import tsx samples/load-generator/src/main.ts --url URL …`.
// Prints one JSON report on stdout. With --control (used by the agent benchmark) it first prints
// `{"event":"warm"}` after warm-up, starts measuring on a `go` line on stdin and stops on `stop` (or at
// --duration, or when stdin closes), then prints the report.
import { createInterface } from 'node:readline';

import { parseLoadArgs } from './parseLoadArgs';
import { runLoad } from './runLoad';

async function main(): Promise<void> {
  const args = parseLoadArgs(process.argv.slice(2));
  let beforeMeasure: (() => Promise<void>) | undefined;
  let stopSignal: Promise<void> | undefined;
  if (args.control) {
    const lines = createInterface({ input: process.stdin });
    const waitFor = (word: string): Promise<void> =>
      new Promise((resolve) => {
        lines.on('line', (line) => {
          if (line.trim() === word) {
            resolve();
          }
        });
        lines.once('close', () => resolve());
      });
    const go = waitFor('go');
    stopSignal = waitFor('stop');
    beforeMeasure = async () => {
      process.stdout.write(`${JSON.stringify({ event: 'warm' })}\n`);
      await go;
    };
  }
  const report = await runLoad({ ...args, beforeMeasure, stopSignal });
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit.call(process, 0);
}

main().catch((error: Error) => {
  process.stderr.write(`load-generator: ${error.message}\n`);
  process.exit.call(process, 2);
});
