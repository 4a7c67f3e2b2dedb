export type { AgentConfig, CollectorKind, LogLevel } from './config/AgentConfig';
export type { AgentStats } from './lifecycle/AgentStats';
export { Agent } from './lifecycle/Agent';
export { start } from './lifecycle/start';
export { stop } from './lifecycle/stop';
export { stats } from './lifecycle/stats';
export { withLabels } from './labels/withLabels';
export {
  createSpanProcessor,
  PROFILE_ID_ATTRIBUTE,
  PyroscopeSpanProcessor,
  type ProcessedSpan,
} from './spans/PyroscopeSpanProcessor';
