import { dirname } from 'node:path';

import type { SpanProcessor } from '@opentelemetry/sdk-trace-node';

const REGISTER = /[\\/]agent[\\/](src|dist)[\\/]register\.(ts|js)$/;

/** The parts of the profiling agent's public API the app uses; each may be missing in older builds. */
export type AgentModule = {
  createSpanProcessor?: () => SpanProcessor;
  /** The running agent's own counters (e.g. its longest main-thread step), where the agent offers them. */
  stats?: () => Record<string, unknown> | undefined;
  runningAgent?: () => { stats(): Record<string, unknown> } | undefined;
  /** Starts profiling again from the environment's settings (after `stop`). */
  start?: () => unknown;
  /** Stops profiling, flushing what it holds. */
  stop?: () => Promise<void>;
};

/**
 * The profiling agent's entry module when the agent runs in this process (started with
 * `--require <repo>/agent/src/register.ts` or `agent/dist/register.js`); undefined otherwise, so the app runs
 * without the agent and never loads it on its own. It is the very copy that `register` started, found next
 * to it in the require cache: a second copy would not know the running profiler.
 */
export function findAgentModule(): AgentModule | undefined {
  const register = Object.keys(require.cache).find((path) => REGISTER.test(path));
  return register ? (require(`${dirname(register)}/index`) as AgentModule) : undefined;
}
