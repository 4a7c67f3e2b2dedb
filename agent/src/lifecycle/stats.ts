import type { AgentStats } from './AgentStats';
import { runningAgent } from './runningAgent';

/** The running agent's counters (`agent.stats()`), or undefined while none runs. */
export function stats(): AgentStats | undefined {
  return runningAgent()?.stats();
}
