import { createServer, type Server } from 'node:net';

import { freePorts } from '../support/freePorts';
import { launchPyroscope } from './launchPyroscope';

let busy: Server;
let busyPort: number;

beforeAll(async () => {
  // Holds the port and hangs up on whoever connects (the readiness probe does), so closing it never waits.
  busy = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});

afterAll(() => new Promise((resolve) => busy.close(resolve)));

describe('launchPyroscope', () => {
  it('starts again on other ports when a picked port turns out to be taken', async () => {
    const picks: number[][] = [];
    const pickPorts = async (count: number) => {
      const ports = await freePorts(count);
      // The first pick puts the gRPC listener on a port another socket holds, as a race with the kernel would.
      picks.push(picks.length === 0 ? [ports[0]!, busyPort, ...ports.slice(2)] : ports);
      return picks[picks.length - 1]!;
    };
    const pyroscope = await launchPyroscope({ pickPorts });
    try {
      expect(picks).toHaveLength(2);
      expect((await fetch(`${pyroscope.url}/ready`)).status).toBe(200);
    } finally {
      await pyroscope.stop();
    }
  });

  it("does not retry a failure that is not a port clash, and shows Pyroscope's own words", async () => {
    let calls = 0;
    const pickPorts = (count: number) => ((calls += 1), freePorts(count));
    await expect(launchPyroscope({ pickPorts, extraArgs: ['-no-such-flag=1'] })).rejects.toThrow(
      /exited with code \d+ before it was ready[\s\S]*no-such-flag/
    );
    expect(calls).toBe(1);
  });

  it('gives up after three clashes when the asked HTTP port stays taken', async () => {
    let calls = 0;
    const pickPorts = (count: number) => ((calls += 1), freePorts(count));
    await expect(launchPyroscope({ port: busyPort, pickPorts })).rejects.toThrow(/address already in use/);
    expect(calls).toBe(3);
  });
});
