import { runningAgent } from './runningAgent';

/** Stops the running agent: cuts the last window and uploads it and what is queued, within a few seconds. */
export async function stop(): Promise<void> {
  await runningAgent()?.stop();
}
