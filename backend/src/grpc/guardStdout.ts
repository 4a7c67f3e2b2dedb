import { format } from 'util';

import type { Logger } from './hclogLogger';

/**
 * Grafana takes the first stdout line as the handshake and fails the start on anything else, so every
 * other writer (console, libraries writing to process.stdout) goes to the logger, on stderr, as hclog
 * lines Grafana can level. Returns the one way left to stdout.
 */
export function guardStdout(logger: Logger): (handshake: string) => void {
  const writeStdout = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logger.info((typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()).replace(/\n$/, ''));
    const callback = rest.find((arg) => typeof arg === 'function');
    if (callback) {
      process.nextTick(callback as () => void);
    }
    return true;
  }) as typeof process.stdout.write;
  console.log = (...args: unknown[]) => logger.info(format(...args));
  console.info = console.log;
  // eslint-disable-next-line no-console -- redirecting console, not using it
  console.debug = (...args: unknown[]) => logger.debug(format(...args));
  console.warn = (...args: unknown[]) => logger.warn(format(...args));
  console.error = (...args: unknown[]) => logger.error(format(...args));
  return (handshake) => {
    writeStdout(handshake);
  };
}
