import type { AgentConfig } from './AgentConfig';

/** `<app>{k=v,...}`, the `name` Pyroscope's /ingest expects (tags sorted, so the series name is stable). */
export function seriesName(config: Pick<AgentConfig, 'applicationName' | 'tags'>): string {
  const tags = Object.keys(config.tags)
    .sort()
    .map((key) => `${key}=${config.tags[key]}`);
  return `${config.applicationName}{${tags.join(',')}}`;
}

/** The one start-up line: what is profiled, how often, where to. No credentials. */
export function describeAgent(config: AgentConfig, spanProfiles: string): string {
  const url = new URL(config.serverAddress);
  url.username = '';
  url.password = '';
  const server = url.toString().replace(/\/+$/, '');
  const seconds = config.uploadIntervalMs / 1000;
  return (
    `profiling ${seriesName(config)} at ${config.sampleRate} Hz, uploading every ${seconds} s to ${server} ` +
    `(span profiles: ${spanProfiles})`
  );
}
