/** The parts of `@datadog/pprof`'s native time profiler the pprof collector uses. */
export type TimeProfileNode = {
  name: string;
  scriptName: string;
  scriptId: number;
  /** 1-based. */
  lineNumber: number;
  columnNumber: number;
  hitCount: number;
  children: TimeProfileNode[];
  contexts?: Array<{ context?: unknown; timestamp: bigint }>;
};

export type TimeProfile = { topDownRoot: TimeProfileNode; startTime: number; endTime: number };

export type NativeTimeProfiler = {
  start(): void;
  stop(restart: boolean): TimeProfile;
  dispose?(): void;
  context: unknown;
};

export type PprofBindings = {
  TimeProfiler: new (options: Record<string, unknown>) => NativeTimeProfiler;
};

/**
 * Loads the native time profiler alone (not the package's index, which also loads its heap profiler and
 * source-map support), if this runtime can label samples exactly: AsyncContextFrame must be on, because
 * the profiler reads the sample's context from it. Runtimes older than AsyncContextFrame (Node < 22.7) are
 * turned down before anything is loaded: asking the addon would map it and its native state into a process
 * that then profiles with the inspector anyway.
 */
export function loadPprofBindings(
  nodeVersion: string = process.versions.node
): { ok: true; bindings: PprofBindings } | { ok: false; reason: string } {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 7)) {
    return { ok: false, reason: `Node ${nodeVersion} has no AsyncContextFrame (Node 22.7+)` };
  }
  try {
    const frame = require('@datadog/pprof/out/src/async-context-frame') as {
      isAsyncContextFrameActive(): boolean;
      asyncContextFrameHint(): string;
    };
    if (!frame.isAsyncContextFrameActive()) {
      return { ok: false, reason: `AsyncContextFrame is off: ${frame.asyncContextFrameHint()}` };
    }

    const bindings = require('@datadog/pprof/out/src/time-profiler-bindings') as PprofBindings;
    return { ok: true, bindings };
  } catch (error) {
    return {
      ok: false,
      reason: `@datadog/pprof did not load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
}
