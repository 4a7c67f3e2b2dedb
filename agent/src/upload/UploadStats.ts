/** Counters of the upload path, as `agent.stats()` shows them. */
export type UploadStats = {
  /** Profiles Pyroscope accepted. */
  uploaded: number;
  /** Bytes of request bodies Pyroscope accepted. */
  bytesUploaded: number;
  /** Attempts that failed (network, timeout, 5xx, 429) and were scheduled again. */
  retries: number;
  /** Profiles dropped because the queue was full (the oldest goes). */
  droppedQueueFull: number;
  /** Profiles Pyroscope refused with a 4xx other than 429 (not retried). */
  rejected: number;
  /** Profiles still waiting. */
  queued: number;
};
