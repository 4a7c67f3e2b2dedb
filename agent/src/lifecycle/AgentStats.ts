import type { CollectorStats } from '../collect/Collector';
import type { UploadStats } from '../upload/UploadStats';

/** What `agent.stats()` returns. */
export type AgentStats = CollectorStats &
  UploadStats & {
    collector: 'inspector' | 'pprof' | 'none';
    /** `exact`: per-sample async context; `best-effort`: joined by time (see README). */
    spanLabels: 'exact' | 'best-effort' | 'off';
  };
