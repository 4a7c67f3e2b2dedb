import { launchPyroscope } from './launchPyroscope';

// `npm run pyroscope`: a local real Pyroscope for development and manual checks, until Ctrl-C.
async function main(): Promise<void> {
  const portText = process.env.PYROSCOPE_PORT;
  const port = portText ? Number(portText) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new Error(`PYROSCOPE_PORT must be a TCP port number (1-65535), got "${portText}"`);
  }
  const pyroscope = await launchPyroscope({ port, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${pyroscope.url}\n`);
  process.stderr.write(`Pyroscope is running with data in ${pyroscope.dataDir}; press Ctrl-C to stop it.\n`);
  const stop = () => {
    pyroscope.stop().then(
      () => process.exit.call(process, 0),
      () => process.exit.call(process, 1)
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit.call(process, 1);
});
