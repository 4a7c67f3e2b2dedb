import { profileUnit } from './profileUnit';

describe('profileUnit', () => {
  it.each([
    ['nanoseconds', 'ns'],
    ['microseconds', 'µs'],
    ['milliseconds', 'ms'],
    ['seconds', 's'],
    ['bytes', 'bytes'],
    ['count', 'short'],
    ['', 'short'],
    ['widgets', 'short'],
  ])('%s → %s', (sampleUnit, unit) => {
    expect(profileUnit(sampleUnit)).toBe(unit);
  });
});
