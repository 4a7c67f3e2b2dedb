import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readHttpResponse } from '../src/upload/readHttpResponse';

const read = (text: string | Buffer, ended = false) =>
  readHttpResponse(typeof text === 'string' ? Buffer.from(text, 'latin1') : text, ended);

describe('readHttpResponse', () => {
  it('waits for the whole head, then for the body its Content-Length announces', () => {
    const whole = 'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nbad profile\n';
    for (let cut = 0; cut < whole.length; cut++) {
      assert.equal(read(whole.slice(0, cut)), undefined, `complete after ${cut} bytes`);
    }
    assert.deepEqual(read(whole), { status: 400, message: 'bad profile' });
  });

  it('decodes a chunked body and knows it is complete at the last chunk', () => {
    const head = 'HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n';
    assert.equal(read(`${head}6\r\nstore \r\n`), undefined);
    assert.deepEqual(read(`${head}6\r\nstore \r\nA;x=1\r\nunavailabl\r\n1\r\ne\r\n0\r\n\r\n`), {
      status: 500,
      message: 'store unavailable',
    });
    assert.deepEqual(read(`${head}2\r\nok\r\n0\r\nX-Trailer: 1\r\n\r\n`), { status: 500, message: 'ok' });
  });

  it('reads a body without a length up to the end of the connection', () => {
    const partial = 'HTTP/1.0 200 OK\r\n\r\ndone';
    assert.equal(read(partial), undefined);
    assert.deepEqual(read(partial, true), { status: 200, message: 'done' });
  });

  it('skips an interim 100 Continue', () => {
    assert.deepEqual(read('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'), {
      status: 200,
      message: '',
    });
  });

  it('is complete without a body for 204, and after the first 512 bytes of a long one', () => {
    assert.deepEqual(read('HTTP/1.1 204 No Content\r\n\r\n'), { status: 204, message: '' });
    const long = `HTTP/1.1 502 Bad Gateway\r\nContent-Length: 100000\r\n\r\n<html>${'x'.repeat(600)}`;
    const result = read(long);
    assert.equal(result?.status, 502);
    assert.equal(result?.message.length, 300);
    assert.ok(result?.message.startsWith('<html>'));
  });

  it('names what is wrong with an answer that is not HTTP or ends early', () => {
    assert.throws(
      () => read('SSH-2.0-OpenSSH_9.2\r\n'),
      /did not answer in HTTP\/1\.1 \(it sent "SSH-2\.0-OpenSSH_9\.2\.\."\)/
    );
    assert.throws(() => read(Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46])), /did not answer in HTTP/);
    assert.throws(() => read('HTTP/2 200\r\n\r\n'), /did not answer in HTTP\/1\.1/);
    assert.throws(() => read('', true), /closed the connection without answering/);
    assert.throws(() => read('HTTP/1.1 200 OK\r\nContent-Le', true), /ended early/);
    assert.throws(() => read('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc', true), /after 3 of 10 bytes/);
    assert.throws(() => read('HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n'), /invalid Content-Length: ten/);
    assert.throws(() => read(`HTTP/1.1 200 OK\r\nX: ${'y'.repeat(17_000)}`), /more than 16384 bytes of headers/);
  });
});
