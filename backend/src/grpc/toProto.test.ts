import type { DataResponse, Frame } from '../plugin/types';
import {
  callResourceResponseToProto,
  checkHealthResultToProto,
  dataResponseToProto,
  errorCallResourceResponseToProto,
  queryDataResponseToProto,
} from './toProto';

const encodeAsJson = (frame: Frame) => Buffer.from(JSON.stringify(frame));
const frame: Frame = { name: 'flamegraph', refId: '', fields: [] };

describe('dataResponseToProto(refId, response, encodeFrame)', () => {
  it.each<[string, DataResponse, { status: number; error: string; errorSource: string }]>([
    ['status 200 as given', { frames: [], status: 200 }, { status: 200, error: '', errorSource: '' }],
    ['a missing status as 200', { frames: [], status: 0 }, { status: 200, error: '', errorSource: '' }],
    ['another success status as given', { frames: [], status: 206 }, { status: 206, error: '', errorSource: '' }],
    [
      'an error without status as 500',
      { frames: [], status: 0, error: 'boom' },
      { status: 500, error: 'boom', errorSource: 'plugin' },
    ],
    [
      'an error with status 200 as 500',
      { frames: [], status: 200, error: 'boom' },
      { status: 500, error: 'boom', errorSource: 'plugin' },
    ],
    [
      'an error with a 4xx/5xx status and its source as given',
      { frames: [], status: 502, error: 'Pyroscope answered 502', errorSource: 'downstream' },
      { status: 502, error: 'Pyroscope answered 502', errorSource: 'downstream' },
    ],
  ])('writes %s', (_name, response, expected) => {
    expect(dataResponseToProto('A', response, encodeAsJson)).toMatchObject(expected);
  });

  it("encodes each frame with the encoder, naming the frame's query after the response", () => {
    const wire = dataResponseToProto('A', { frames: [frame, { ...frame, refId: 'own' }], status: 200 }, encodeAsJson);
    expect(wire.frames.map((bytes) => (JSON.parse(Buffer.from(bytes).toString()) as Frame).refId)).toEqual([
      'A',
      'own',
    ]);
  });

  it('turns a failing encoder into an error response', () => {
    const failing = () => {
      throw new Error('unsupported column');
    };
    expect(dataResponseToProto('A', { frames: [frame], status: 200 }, failing)).toEqual({
      frames: [],
      status: 500,
      error: 'The result of query A could not be encoded: unsupported column',
      errorSource: 'plugin',
    });
  });
});

describe('queryDataResponseToProto(response, encodeFrame)', () => {
  it('converts every response under its refId', () => {
    const wire = queryDataResponseToProto(
      { responses: { A: { frames: [], status: 200 }, B: { frames: [], status: 400, error: 'bad query' } } },
      encodeAsJson
    );
    expect(wire.responses.A?.status).toBe(200);
    expect(wire.responses.B).toMatchObject({ status: 400, error: 'bad query' });
  });
});

describe('callResourceResponseToProto(response)', () => {
  it('writes code, multi-valued headers and body', () => {
    expect(
      callResourceResponseToProto({
        status: 201,
        headers: { 'Content-Type': ['application/json'], Vary: ['Accept', 'Origin'] },
        body: Buffer.from('[]'),
      })
    ).toEqual({
      code: 201,
      headers: { 'Content-Type': { values: ['application/json'] }, Vary: { values: ['Accept', 'Origin'] } },
      body: Buffer.from('[]'),
    });
  });

  it.each([0, 99, 600, 200.5])('refuses status %p, which Grafana cannot write', (status) => {
    expect(() => callResourceResponseToProto({ status, headers: {}, body: Buffer.alloc(0) })).toThrow(
      /not an HTTP status/
    );
  });

  it('writes errors as a JSON message', () => {
    const wire = errorCallResourceResponseToProto('no such label', 400);
    expect(wire.code).toBe(400);
    expect(wire.headers['Content-Type']).toEqual({ values: ['application/json'] });
    expect(JSON.parse(wire.body.toString())).toEqual({ message: 'no such label' });
  });
});

describe('checkHealthResultToProto(result)', () => {
  it.each(['OK', 'ERROR', 'UNKNOWN'] as const)('keeps status %s', (status) => {
    expect(checkHealthResultToProto({ status, message: 'm' })).toEqual({
      status,
      message: 'm',
      jsonDetails: Buffer.alloc(0),
    });
  });

  it('writes details as a JSON object', () => {
    const wire = checkHealthResultToProto({ status: 'OK', message: 'ok', details: { version: '2.2.1' } });
    expect(JSON.parse(wire.jsonDetails.toString())).toEqual({ version: '2.2.1' });
  });

  it('refuses details that are not a JSON object', () => {
    const details = ['a'] as unknown as Record<string, unknown>;
    expect(() => checkHealthResultToProto({ status: 'OK', message: 'ok', details })).toThrow(/not a JSON object/);
  });
});
