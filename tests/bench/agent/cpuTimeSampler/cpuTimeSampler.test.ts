import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { node24 } from '../../../../agent/scripts/node24';
import { buildCpuTimeSampler } from './buildCpuTimeSampler';

type Report = { collected: number; samples: number; selfSamples: Record<string, number> };

const PRELOAD = join(__dirname, 'cpuTimeSamplerPreload.cjs');
// About 400 ms of CPU in one named function, then 400 ms asleep.
const BUSY_THEN_IDLE = `
function burnHot(until) { let x = 0; while (process.cpuUsage().user < until) { for (let i = 0; i < 1e4; i++) x += Math.sqrt(i); } return x; }
burnHot(process.cpuUsage().user + 400000);
setTimeout(() => {}, 400);
`;
// 800 ms asleep: a wall-clock sampler at 100 Hz would take ~80 samples here.
const IDLE = 'setTimeout(() => {}, 800);';

const dir = mkdtempSync(join(tmpdir(), 'cpu-time-sampler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sample(node: string, script: string): Report {
  const report = join(dir, `report-${Date.now()}-${Math.random()}.json`);
  execFileSync(node, ['--require', PRELOAD, '-e', script], {
    env: { PATH: process.env.PATH, CPU_TIME_SAMPLER_REPORT: report },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return JSON.parse(readFileSync(report, 'utf8')) as Report;
}

function share(report: Report, name: string): number {
  const total = Object.values(report.selfSamples).reduce((sum, count) => sum + count, 0);
  const hits = Object.entries(report.selfSamples)
    .filter(([key]) => key.startsWith(`${name} `))
    .reduce((sum, [, count]) => sum + count, 0);
  return hits / total;
}

describe.each([
  ['Node 20 (this machine)', () => process.execPath],
  ['Node 24', () => node24()],
])('the CPU-time sampler fixture on %s', (_label, nodeOf) => {
  let node = '';
  beforeAll(() => {
    node = nodeOf();
    buildCpuTimeSampler(node);
  }, 180_000);

  it('samples the main thread once per 10 ms of its CPU, in the function that burns it', () => {
    const report = sample(node, BUSY_THEN_IDLE);
    expect(report.collected).toBeGreaterThanOrEqual(25);
    expect(report.collected).toBeLessThanOrEqual(60);
    // V8's own 1 Hz samples and the profile's first sample are in the list too.
    expect(report.samples).toBeGreaterThanOrEqual(report.collected);
    expect(share(report, 'burnHot')).toBeGreaterThan(0.7);
  });

  it('takes no samples while the process sleeps', () => {
    expect(sample(node, IDLE).collected).toBeLessThanOrEqual(5);
  });
});
