import type { AgentConfig } from '../config/AgentConfig';
import type { Logger } from '../log/Logger';
import type { Collector, OnProfile } from './Collector';
import { InspectorCollector } from './InspectorCollector';
import { loadPprofBindings } from './loadPprofBindings';

/**
 * `pprof` where the runtime lets it read each sample's async context (AsyncContextFrame: Node 24+, or 22.7+
 * with `--experimental-async-context-frame`) and `@datadog/pprof` loads; otherwise the inspector.
 */
export function chooseCollector(config: AgentConfig, onProfile: OnProfile, log: Logger): Collector {
  if (config.collector !== 'inspector') {
    const loaded = loadPprofBindings();
    let reason = loaded.ok ? '' : loaded.reason;
    if (loaded.ok) {
      try {
        // Loaded only here: most processes never need it.

        const { PprofCollector } = require('./PprofCollector') as typeof import('./PprofCollector');
        return new PprofCollector(config.sampleRate, config.uploadIntervalMs, loaded.bindings, onProfile, log);
      } catch (error) {
        reason = `@datadog/pprof failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    const message = `the pprof collector is not available (${reason}); using the inspector, span labels are best-effort`;
    if (config.collector === 'pprof') {
      log.warn(message);
    } else {
      log.debug(message);
    }
  }
  return new InspectorCollector(config.sampleRate, onProfile, log);
}
