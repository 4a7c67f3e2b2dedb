import type { AgentConfig } from '../config/AgentConfig';
import { seriesName } from '../config/describeAgent';
import type { IngestProfile } from './IngestProfile';

export const SPY_NAME = 'emberlabs-nodejs';

export type IngestRequest = {
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
};

/**
 * `POST <server>/ingest?name=app{tags}&from&until&sampleRate&spyName` with a multipart body whose only part
 * is the `profile` FILE part (Pyroscope reads only parts with a filename), holding gzip'ed pprof.
 */
export function buildIngestRequest(config: AgentConfig, profile: IngestProfile): IngestRequest {
  const url = new URL(config.serverAddress);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/ingest`;
  url.username = '';
  url.password = '';
  url.search = new URLSearchParams({
    name: seriesName(config),
    from: String(Math.floor(profile.fromMs / 1000)),
    until: String(Math.max(Math.ceil(profile.untilMs / 1000), Math.floor(profile.fromMs / 1000) + 1)),
    sampleRate: String(config.sampleRate),
    spyName: SPY_NAME,
  }).toString();

  const boundary = `----pyroscope-agent-${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\n` +
      'Content-Disposition: form-data; name="profile"; filename="profile.pprof"\r\n' +
      'Content-Type: application/octet-stream\r\n\r\n'
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, profile.gzipped, tail]);

  const headers: Record<string, string> = {
    'Content-Type': `multipart/form-data; boundary=${boundary}`,
    'Content-Length': String(body.length),
    'User-Agent': 'emberlabs-pyroscope-agent',
  };
  if (config.authToken !== undefined) {
    headers.Authorization = `Bearer ${config.authToken}`;
  } else if (config.basicAuthUser !== undefined && config.basicAuthPassword !== undefined) {
    headers.Authorization = `Basic ${Buffer.from(`${config.basicAuthUser}:${config.basicAuthPassword}`).toString('base64')}`;
  } else {
    const fromUrl = new URL(config.serverAddress);
    if (fromUrl.username !== '') {
      const user = decodeURIComponent(fromUrl.username);
      const password = decodeURIComponent(fromUrl.password);
      headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    }
  }
  if (config.tenantId !== undefined) {
    headers['X-Scope-OrgID'] = config.tenantId;
  }
  return { url, headers, body };
}
