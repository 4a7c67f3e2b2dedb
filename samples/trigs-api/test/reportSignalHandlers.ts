// Preloaded into the server by server.test.ts: when the server announces `listening on`, reports on stderr how
// many SIGTERM and SIGINT listeners it has at that moment, since a supervisor may signal it right then.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
  if (String(chunk).startsWith('listening on ')) {
    process.stderr.write(
      `signal listeners at listening: SIGTERM ${process.listenerCount('SIGTERM')}, SIGINT ${process.listenerCount('SIGINT')}\n`
    );
  }
  return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stdout.write;
