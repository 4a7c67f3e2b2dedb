import { createServer, type RequestListener, type Server } from 'node:http';

export type TestServer = { url: string; port: number; close(): Promise<void> };

/** An HTTP server on 127.0.0.1 with an OS-chosen port, for stand-ins at the edge of real components. */
export function startHttpServer(handler: RequestListener): Promise<TestServer> {
  const server: Server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
