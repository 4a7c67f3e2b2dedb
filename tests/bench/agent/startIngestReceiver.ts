import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Upload = { at: number; bytes: number; path: string; contentType: string; contentEncoding: string };

/**
 * How the receiver behaves: `ok` answers 200 to every POST and counts it; `blackhole` keeps connections open
 * and never answers (an unreachable-but-routed Pyroscope); `refuse` closes the port, so connects fail
 * with ECONNREFUSED (Pyroscope down). `ok` again brings it back on the same port.
 */
export type ReceiverMode = 'ok' | 'blackhole' | 'refuse';

export interface IngestReceiver {
  readonly url: string;
  readonly uploads: readonly Upload[];
  /** Requests that arrived while in `blackhole` (never answered) or were cut when the port closed. */
  readonly unanswered: number;
  setMode(mode: ReceiverMode): Promise<void>;
  close(): Promise<void>;
}

/** A stand-in for Pyroscope's ingest endpoint on 127.0.0.1 (OS-picked port) that counts upload bytes. */
export async function startIngestReceiver(): Promise<IngestReceiver> {
  const uploads: Upload[] = [];
  const sockets = new Set<Socket>();
  let mode: ReceiverMode = 'ok';
  let unanswered = 0;

  const server: Server = createServer((request, response) => {
    let bytes = 0;
    request.on('data', (chunk: Buffer) => (bytes += chunk.length));
    request.on('end', () => {
      if (mode === 'blackhole') {
        unanswered++;
        return;
      }
      uploads.push({
        at: Date.now(),
        bytes,
        path: request.url ?? '',
        contentType: String(request.headers['content-type'] ?? ''),
        contentEncoding: String(request.headers['content-encoding'] ?? ''),
      });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{}');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const listen = (port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const { port } = server.address() as AddressInfo;
  const closePort = (): Promise<void> =>
    new Promise((resolve) => {
      unanswered += sockets.size;
      server.close(() => resolve());
      for (const socket of sockets) {
        socket.destroy();
      }
    });

  return {
    url: `http://127.0.0.1:${port}`,
    uploads,
    get unanswered() {
      return unanswered;
    },
    async setMode(next) {
      if (next === mode) {
        return;
      }
      if (mode === 'refuse') {
        await listen(port);
      }
      if (next === 'refuse') {
        await closePort();
      } else if (next === 'ok') {
        // Requests held by the black hole stay unanswered until their client gives up.
        for (const socket of sockets) {
          socket.destroy();
        }
      }
      mode = next;
    },
    async close() {
      if (mode !== 'refuse') {
        await closePort();
      }
    },
  };
}
