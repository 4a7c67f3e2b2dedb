/** One window's profile, ready to send. */
export type IngestProfile = {
  /** gzip'ed pprof. */
  gzipped: Uint8Array;
  /** Window start and end, Unix milliseconds. */
  fromMs: number;
  untilMs: number;
};
