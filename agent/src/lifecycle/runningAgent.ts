import type { Agent } from './Agent';

let current: Agent | undefined;

/** The agent `start()` started and `stop()` has not stopped yet. */
export function runningAgent(): Agent | undefined {
  return current;
}

export function setRunningAgent(agent: Agent | undefined): void {
  current = agent;
}
