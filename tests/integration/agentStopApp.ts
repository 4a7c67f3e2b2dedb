// A process for tests/integration/agent.test.ts: starts the agent (server and names from PYROSCOPE_* variables)
// with a window far longer than the process lives, lets the first window (cut after a second) go, burns CPU in
// burnBeforeStop, then awaits stop(): only stop()'s flush can carry burnBeforeStop to Pyroscope. Prints the
// agent's counters before and after stop() as one JSON line, then ends on its own.
import { start, stop } from '../../agent/src/index';

function burnBeforeStop(until: number): number {
  let x = 0;
  while (Date.now() < until) {
    x += Math.sqrt(x + 1);
  }
  return x;
}

const agent = start({ uploadIntervalMs: 600_000 });
setTimeout(() => {
  for (let i = 0; i < 100; i++) {
    burnBeforeStop(Date.now() + 20);
  }
  const before = agent?.stats() ?? null;
  void stop().then(() => {
    process.stdout.write(`${JSON.stringify({ before, after: agent?.stats() ?? null })}\n`);
  });
}, 2500);
