import type { MixEntry } from './types';

const TRIGS: Omit<MixEntry, 'weight'> = { name: 'trigs', method: 'GET', path: '/v1/trigs?limit=50' };
const IMAGE: Omit<MixEntry, 'weight'> = {
  name: 'image',
  method: 'POST',
  path: '/v1/images/process',
  body: '{"size":128,"kernel":"blur","kernelSize":5}',
};
const SLOW_REPORT: Omit<MixEntry, 'weight'> = { name: 'slow_report', method: 'GET', path: '/v1/reports/slow?n=7000' };
const HEALTH: Omit<MixEntry, 'weight'> = { name: 'health', method: 'GET', path: '/health' };
// The FastAPI scenario (samples/fastapi-app) serves the list and the slow report; in Python the quadratic
// search over 1,500 ids already takes about 10 ms of CPU.
const PY_SLOW_REPORT: Omit<MixEntry, 'weight'> = {
  name: 'slow_report',
  method: 'GET',
  path: '/v1/reports/slow?n=1500',
};

/**
 * Named request mixes. `standard` is the one the README, the tests and the agent benchmark use: per cycle of
 * 100 requests, 55 list pages of 50 trig records, 42 blurs of a 128×128 image, 1 slow report over 7,000 ids
 * and 2 health checks. The weights are set so that `convolveImage` takes about half of the app's CPU samples
 * (samples/README.md has the measurement); `light` drops the slow report, whose one long synchronous run
 * would otherwise hide shorter event-loop stalls. `fastapi` drives the FastAPI scenario, whose slow report is
 * its hot path.
 */
export const MIXES: Readonly<Record<string, readonly MixEntry[]>> = {
  standard: [
    { ...TRIGS, weight: 55 },
    { ...IMAGE, weight: 42 },
    { ...SLOW_REPORT, weight: 1 },
    { ...HEALTH, weight: 2 },
  ],
  light: [
    { ...TRIGS, weight: 44 },
    { ...IMAGE, weight: 53 },
    { ...HEALTH, weight: 3 },
  ],
  trigs: [{ ...TRIGS, weight: 1 }],
  image: [{ ...IMAGE, weight: 1 }],
  slow_report: [{ ...SLOW_REPORT, weight: 1 }],
  health: [{ ...HEALTH, weight: 1 }],
  fastapi: [
    { ...TRIGS, weight: 60 },
    { ...PY_SLOW_REPORT, weight: 38 },
    { ...HEALTH, weight: 2 },
  ],
};
