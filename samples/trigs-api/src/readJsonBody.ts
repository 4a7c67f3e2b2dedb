import type { IncomingMessage } from 'node:http';

import { HttpError } from './HttpError';

const MAX_BODY_BYTES = 1024 * 1024;

/** The request's JSON body (undefined when empty); more than 1 MiB or invalid JSON is a 4xx that says so. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new HttpError(413, `the body must be at most ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the body must be JSON, e.g. {"size":128,"kernel":"blur"}');
  }
}
