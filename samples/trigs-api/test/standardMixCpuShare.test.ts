import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { MIXES } from '../../load-generator/src/mixes';
import { runLoad } from '../../load-generator/src/runLoad';
import { type CpuProfile, functionShare } from './functionShare';
import { startServerProcess } from './startServerProcess';

const profileDir = mkdtempSync(join(tmpdir(), 'trigs-cpu-'));
after(() => rmSync(profileDir, { recursive: true, force: true }));

describe('the standard load mix', () => {
  it('spends about half of the app CPU samples in convolveImage, and a share in findDuplicateIdsSlowly', async (t) => {
    const server = await startServerProcess({ OTEL_SDK_DISABLED: 'true' }, [
      '--cpu-prof',
      '--cpu-prof-dir',
      profileDir,
    ]);
    const report = await runLoad({
      url: server.url,
      concurrency: 8,
      mix: MIXES.standard!,
      mixName: 'standard',
      durationS: 120,
      requests: 4000,
    });
    assert.equal(report.measured.errors, 0);
    server.child.kill('SIGTERM');
    assert.equal(await server.exit, 0);
    const [file] = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
    const profile = JSON.parse(readFileSync(join(profileDir, file!), 'utf8')) as CpuProfile;
    const convolve = functionShare(profile, 'convolveImage', 'processImage');
    // A calibration guard with a short window, so a wider band than the 40–60 % that
    // tests/integration/agent.test.ts checks through the agent and Pyroscope over a longer run.
    assert.ok(
      convolve >= 0.35 && convolve <= 0.65,
      `convolveImage has ${(convolve * 100).toFixed(1)} % of the CPU samples`
    );
    const slow = functionShare(profile, 'findDuplicateIdsSlowly', 'processImage');
    t.diagnostic(
      `convolveImage ${(convolve * 100).toFixed(1)} %, findDuplicateIdsSlowly ${(slow * 100).toFixed(1)} % of CPU samples`
    );
    assert.ok(
      slow >= 0.05 && slow <= 0.3,
      `findDuplicateIdsSlowly has ${(slow * 100).toFixed(1)} % of the CPU samples`
    );
  });
});
