import { type HostState } from '../hostSpec';

declare global {
  interface Window {
    __HOST__: HostState;
  }
}

/** What the host tells tests (window.__HOST__), written only through the functions below. */
const hostState: HostState = { ready: false, editorChanges: [], editorRuns: 0, errors: [] };
window.__HOST__ = hostState;

export function markReady(): void {
  hostState.ready = true;
}

export function recordDataArrived(): void {
  hostState.dataArrivedAt = performance.now();
}

export function recordPainted(at: number): void {
  hostState.paintedAt = at;
}

export function recordEditorChange(query: object): void {
  hostState.editorChanges.push({ ...query });
}

export function recordEditorRun(): void {
  hostState.editorRuns += 1;
}

export function recordError(error: unknown): void {
  hostState.errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
