import type { CallResourceResponse } from '../plugin/types';

/** A resource answer with a JSON body. */
export function jsonResponse(status: number, value: unknown): CallResourceResponse {
  return { status, headers: { 'Content-Type': ['application/json'] }, body: Buffer.from(JSON.stringify(value)) };
}
