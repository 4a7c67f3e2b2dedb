import { chooseCollector } from '../collect/chooseCollector';
import type { AgentConfig } from '../config/AgentConfig';
import { describeAgent } from '../config/describeAgent';
import { resolveConfig } from '../config/resolveConfig';
import { Logger } from '../log/Logger';
import { Uploader } from '../upload/Uploader';
import { Agent } from './Agent';
import { installExitHooks } from './installExitHooks';
import { readPackageInfo } from './readPackageInfo';
import { runningAgent, setRunningAgent } from './runningAgent';

/**
 * Starts profiling this process: `start()` reads `PYROSCOPE_*` variables; options given here win over them.
 * Returns the agent, or undefined when disabled or impossible. Never throws; a second call returns the
 * agent already running.
 */
export function start(config?: Partial<AgentConfig>): Agent | undefined {
  const log = new Logger('info');
  try {
    const existing = runningAgent();
    if (existing !== undefined) {
      log.warn('start() called while the agent runs; keeping the running one');
      return existing;
    }
    const resolved = resolveConfig(config, process.env, readPackageInfo());
    log.setLevel(resolved.config.logLevel);
    resolved.warnings.forEach((warning) => log.warn(warning));
    if (!resolved.config.enabled) {
      log.debug('disabled by PYROSCOPE_ENABLED');
      return undefined;
    }
    const uploader = new Uploader(resolved.config, log);
    const collector = chooseCollector(resolved.config, (profile) => uploader.enqueue(profile), log);
    let removeHooks = (): void => undefined;
    const agent: Agent = new Agent(resolved.config, collector, uploader, log, {
      onStarted: () => {
        const spans = collector.sink.precision === 'exact' ? 'on' : 'best-effort';
        log.info(describeAgent(resolved.config, spans));
      },
      onStopping: () => {
        removeHooks();
        if (runningAgent() === agent) {
          setRunningAgent(undefined);
        }
      },
    });
    setRunningAgent(agent);
    removeHooks = installExitHooks(() => agent.stop(), log);
    return agent;
  } catch (error) {
    log.warn(
      `could not start (${error instanceof Error ? error.message : String(error)}); the app runs on without profiling`
    );
    return undefined;
  }
}
