import { createServer } from 'node:net';

import { freePorts } from './freePorts';

function canListenOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('freePorts', () => {
  it('hands out distinct ports, each free to bind once it returns', async () => {
    // Many rounds: closed one at a time, probe sockets gave the same port twice about once in 3000 triples.
    for (let round = 0; round < 200; round++) {
      const ports = await freePorts(16);
      expect(new Set(ports).size).toBe(16);
      if (round === 0) {
        expect(await Promise.all(ports.map(canListenOn))).toEqual(ports.map(() => true));
      }
    }
  });
});
