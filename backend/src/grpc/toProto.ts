import type { CallResourceResponse, CheckHealthResult, DataResponse, QueryDataResponse } from '../plugin/types';
import { errorMessage } from './errorMessage';
import type { FrameEncoder } from './FrameEncoder';
import type {
  WireCallResourceResponse,
  WireCheckHealthResponse,
  WireDataResponse,
  WireQueryDataResponse,
} from './wireTypes';

// Plain → wire. Grafana reads a DataResponse status of 0 (the proto3 default) as 500, so every answer
// carries an explicit status.

export function queryDataResponseToProto(
  response: QueryDataResponse,
  encodeFrame: FrameEncoder
): WireQueryDataResponse {
  const responses: Record<string, WireDataResponse> = {};
  for (const [refId, dataResponse] of Object.entries(response.responses)) {
    responses[refId] = dataResponseToProto(refId, dataResponse, encodeFrame);
  }
  return { responses };
}

export function dataResponseToProto(
  refId: string,
  response: DataResponse,
  encodeFrame: FrameEncoder
): WireDataResponse {
  if (response.error) {
    const status = isHttpStatus(response.status) && response.status >= 400 ? response.status : 500;
    return errorDataResponseToProto(response.error, status, response.errorSource ?? 'plugin');
  }
  let frames: Uint8Array[];
  try {
    // Grafana names a frame's query after the response it came in, as the Go SDK does.
    frames = response.frames.map((frame) => encodeFrame({ ...frame, refId: frame.refId || refId }));
  } catch (error) {
    return errorDataResponseToProto(`The result of query ${refId} could not be encoded: ${errorMessage(error)}`, 500);
  }
  return { frames, error: '', status: isHttpStatus(response.status) ? response.status : 200, errorSource: '' };
}

export function errorDataResponseToProto(
  message: string,
  status: number,
  errorSource: 'plugin' | 'downstream' = 'plugin'
): WireDataResponse {
  return { frames: [], error: message, status, errorSource };
}

/** Throws when the status is not an HTTP status, so the caller answers 500 instead of a broken stream. */
export function callResourceResponseToProto(response: CallResourceResponse): WireCallResourceResponse {
  if (!isHttpStatus(response.status)) {
    throw new Error(
      `the resource handler answered with status ${String(response.status)}, which is not an HTTP status`
    );
  }
  const headers: WireCallResourceResponse['headers'] = {};
  for (const [name, values] of Object.entries(response.headers)) {
    headers[name] = { values: [...values] };
  }
  return { code: response.status, headers, body: Buffer.from(response.body) };
}

export function errorCallResourceResponseToProto(message: string, status: number): WireCallResourceResponse {
  return {
    code: status,
    headers: { 'Content-Type': { values: ['application/json'] } },
    body: Buffer.from(JSON.stringify({ message })),
  };
}

/** Throws on an unknown status or details that are not a JSON object (Grafana answers 500 for those). */
export function checkHealthResultToProto(result: CheckHealthResult): WireCheckHealthResponse {
  if (!['OK', 'ERROR', 'UNKNOWN'].includes(result.status)) {
    throw new Error(`the health check answered with status ${String(result.status)}; expected OK, ERROR or UNKNOWN`);
  }
  const { details } = result;
  if (details !== undefined && (typeof details !== 'object' || details === null || Array.isArray(details))) {
    throw new Error('the health check details are not a JSON object');
  }
  return {
    status: result.status,
    message: result.message,
    jsonDetails: details === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(details)),
  };
}

export function errorCheckHealthResponseToProto(message: string): WireCheckHealthResponse {
  return { status: 'ERROR', message, jsonDetails: Buffer.alloc(0) };
}

function isHttpStatus(status: unknown): status is number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599;
}
