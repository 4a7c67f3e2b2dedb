import type { PostResult } from './PostResult';

const HEAD_END = Buffer.from('\r\n\r\n');
const LAST_CHUNK = /(?:^|\r\n)0+(?:;[^\r\n]*)?\r\n(?:[^\r\n]+\r\n)*\r\n$/;
/** How much of the body is read: the start of an error message is all a warning shows. */
const MESSAGE_BYTES = 512;
const MAX_HEAD_BYTES = 16 * 1024;

/**
 * Reads an HTTP/1.x response from what a socket has delivered so far (`received`; `ended` once the
 * connection closed). Returns the status and the start of the body as soon as both are known (the body
 * complete or MESSAGE_BYTES of it read: the connection is closed after one request, so the rest is never
 * needed); undefined while more is due. Throws on anything that is not an HTTP/1.x response.
 */
export function readHttpResponse(received: Buffer, ended: boolean): PostResult | undefined {
  let start = 0;
  for (;;) {
    const headEnd = received.indexOf(HEAD_END, start);
    if (headEnd < 0) {
      if (ended) {
        throw new Error(
          received.length === 0 ? 'the server closed the connection without answering' : 'the answer ended early'
        );
      }
      // Until the head is complete, what has come must still be the start of "HTTP/".
      if (!/^(?:H(?:T(?:T(?:P(?:\/.*)?)?)?)?)?$/s.test(received.subarray(start, start + 5).toString('latin1'))) {
        throw notHttp(received.subarray(start));
      }
      if (received.length - start > MAX_HEAD_BYTES) {
        throw new Error(`the server's answer has more than ${MAX_HEAD_BYTES} bytes of headers`);
      }
      return undefined;
    }
    const lines = received.subarray(start, headEnd).toString('latin1').split('\r\n');
    const status = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(lines[0] ?? '')?.[1];
    if (status === undefined) {
      throw notHttp(received.subarray(start));
    }
    const code = Number(status);
    const bodyStart = headEnd + HEAD_END.length;
    if (code >= 100 && code < 200) {
      start = bodyStart; // an interim answer (100 Continue); the real one follows
      continue;
    }
    const headers = parseHeaders(lines.slice(1));
    const body = received.subarray(bodyStart);
    if (code === 204 || code === 304) {
      return { status: code, message: '' };
    }
    if (/\bchunked\b/i.test(headers.get('transfer-encoding') ?? '')) {
      const data = dechunk(body);
      const complete = data.length >= MESSAGE_BYTES || LAST_CHUNK.test(body.subarray(-4096).toString('latin1'));
      return complete || ended ? { status: code, message: messageOf(data) } : undefined;
    }
    const length = headers.get('content-length');
    if (length !== undefined) {
      if (!/^\d+$/.test(length)) {
        throw new Error(`the server answered with an invalid Content-Length: ${length.slice(0, 40)}`);
      }
      const expected = Number(length);
      if (body.length >= Math.min(expected, MESSAGE_BYTES)) {
        return { status: code, message: messageOf(body.subarray(0, expected)) };
      }
      if (ended) {
        throw new Error(`the answer ended after ${body.length} of ${expected} bytes`);
      }
      return undefined;
    }
    return ended || body.length >= MESSAGE_BYTES ? { status: code, message: messageOf(body) } : undefined;
  }
}

function parseHeaders(lines: string[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
  }
  return headers;
}

/** The data of a chunked body, as far as it is well formed. */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  let kept = 0;
  while (at < body.length && kept < MESSAGE_BYTES) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = lineEnd < 0 ? NaN : parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) {
      break;
    }
    const data = body.subarray(lineEnd + 2, lineEnd + 2 + size);
    parts.push(data);
    kept += data.length;
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function messageOf(body: Buffer): string {
  return body.subarray(0, MESSAGE_BYTES).toString('utf8').slice(0, 300).trim();
}

function notHttp(received: Buffer): Error {
  const shown = received
    .subarray(0, 40)
    .toString('latin1')
    .replace(/[^\x20-\x7e]/g, '.');
  return new Error(`the server did not answer in HTTP/1.1 (it sent "${shown}"); is this Pyroscope's HTTP address?`);
}
