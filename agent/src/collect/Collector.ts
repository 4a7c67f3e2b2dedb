import type { LabelSink } from '../labels/LabelSink';
import type { IngestProfile } from '../upload/IngestProfile';

/** Counters of the collection path, as `agent.stats()` shows them. */
export type CollectorStats = {
  /** Windows turned into profiles. */
  profiles: number;
  /** CPU samples in them (idle excluded). */
  samples: number;
  /** Main-thread time the last rotation took, and the longest one (ms). */
  lastRotationMs: number;
  maxRotationMs: number;
  /** Main-thread time to flatten, encode and gzip the last window (ms). */
  lastEncodeMs: number;
  /** The longest single step of that work (ms): each runs in its own macrotask. */
  maxStepMs: number;
  /** Windows that could not be collected or converted. */
  errors: number;
};

/** One way of sampling CPU. The agent's timer calls `rotate()` once per upload interval. */
export interface Collector {
  readonly kind: 'inspector' | 'pprof';
  readonly sink: LabelSink;
  /** Starts sampling; rejects when this runtime cannot do it. */
  start(): Promise<void>;
  /** Ends the current window (its profile arrives through the `onProfile` callback) and starts the next. */
  rotate(): void;
  /** Ends the last window and waits, until `deadlineMs` at most, for its profile to be delivered. */
  stop(deadlineMs: number): Promise<void>;
  stats(): CollectorStats;
}

export type OnProfile = (profile: IngestProfile & { samples: number }) => void;
