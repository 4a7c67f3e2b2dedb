/**
 * The go-plugin handshake: core protocol 1, app protocol 2 (Grafana's), plaintext gRPC over loopback TCP.
 * It must be the first and only line on stdout.
 */
export function handshakeLine(port: number): string {
  return `1|2|tcp|127.0.0.1:${port}|grpc\n`;
}
