/** What a trace link takes from Grafana's datasources rather than from the span (see resolveLinkSettings). */
export type LinkSettings = {
  /** Our datasource's uid; undefined: the page takes the remembered or first one. */
  datasourceUid?: string;
  profileTypeId: string;
  /** Seconds added on both sides of the span's window (the datasource's `spanWindowPadSeconds`). */
  padSeconds: number;
};

/** Our agent's (and every Pyroscope SDK's) CPU profile type. */
export const CPU_PROFILE_TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

/** The datasource's default span window pad: Node's official SDK uploads every 60 s. */
export const DEFAULT_PAD_SECONDS = 60;
