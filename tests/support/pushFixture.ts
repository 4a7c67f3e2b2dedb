import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';

import { fixturePath } from './fixturePath';

export type PushOptions = {
  /** Becomes service_name. */
  service: string;
  tags?: Record<string, string>;
  /** Profile time; now when absent. Fixtures carry old timestamps that Pyroscope would reject. */
  timeMs?: number;
  tenantId?: string;
};

/** Pushes one of the shared real pprof fixtures to Pyroscope's /ingest, as the language SDKs do. */
export async function pushFixture(pyroscopeUrl: string, fixture: string, options: PushOptions): Promise<void> {
  const raw = readFileSync(fixturePath(fixture));
  const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  const profile = Profile.decode(bytes);
  const timeMs = options.timeMs ?? Date.now();
  profile.timeNanos = BigInt(timeMs) * 1_000_000n;
  await pushPprof(pyroscopeUrl, gzipSync(profile.encode()), { ...options, timeMs });
}

export async function pushPprof(pyroscopeUrl: string, pprof: Uint8Array, options: PushOptions): Promise<void> {
  const timeMs = options.timeMs ?? Date.now();
  const tags = Object.entries(options.tags ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  const params = new URLSearchParams({
    name: `${options.service}{${tags}}`,
    from: String(Math.floor(timeMs / 1000) - 10),
    until: String(Math.floor(timeMs / 1000)),
    spyName: 'fixture',
  });
  const form = new FormData();
  form.append('profile', new Blob([pprof]), 'profile.pprof');
  const response = await fetch(`${pyroscopeUrl}/ingest?${params}`, {
    method: 'POST',
    body: form,
    headers: options.tenantId ? { 'X-Scope-OrgID': options.tenantId } : {},
  });
  if (!response.ok) {
    throw new Error(`pushing to ${pyroscopeUrl}/ingest failed: ${response.status} ${await response.text()}`);
  }
}
