import { seriesValueScale } from './seriesValueScale';

describe('seriesValueScale', () => {
  it.each([
    // profile type, step s, factor, unit, rate
    ['process_cpu:cpu:nanoseconds:cpu:nanoseconds', 15, 1e-9 / 15, 'cores', true],
    ['process_cpu:cpu:nanoseconds:cpu:nanoseconds', 60, 1e-9 / 60, 'cores', true],
    ['wall:wall:nanoseconds:wall:nanoseconds', 10, 1e-9 / 10, 'cores', true],
    ['wall:wall:microseconds:wall:microseconds', 10, 1e-6 / 10, 'cores', true],
    ['wall:cpu:nanoseconds:wall:nanoseconds', 10, 1e-9 / 10, 'cores', true],
    ['process_cpu:samples:count:cpu:nanoseconds', 15, 1 / 15, 'ops', true],
    ['wall:samples:count:wall:microseconds', 15, 1 / 15, 'ops', true],
    ['memory:alloc_objects:count:space:bytes', 15, 1 / 15, 'ops', true],
    ['memory:alloc_space:bytes:space:bytes', 15, 1 / 15, 'binBps', true],
    ['memory:alloc_in_new_tlab_bytes:bytes::', 30, 1 / 30, 'binBps', true],
    ['mutex:contentions:count:contentions:count', 15, 1 / 15, 'ops', true],
    ['mutex:delay:nanoseconds:contentions:count', 15, 1 / 15, 'ns', true],
    ['block:delay:nanoseconds:contentions:count', 20, 1 / 20, 'ns', true],
    ['process_cpu:exception:count:cpu:nanoseconds', 15, 1 / 15, 'ops', true],
    ['memory:inuse_space:bytes:space:bytes', 15, 1, 'bytes', false],
    ['memory:inuse_objects:count:space:bytes', 15, 1, 'short', false],
    ['memory:inuse_space:bytes:inuse_space:bytes', 15, 1, 'bytes', false],
    ['memory:space:bytes:space:bytes', 15, 1, 'bytes', false],
    ['goroutines:goroutine:count:goroutine:count', 15, 1, 'short', false],
    ['custom:widgets:count::', 15, 1, 'short', false],
    ['process_cpu:cpu:nanoseconds:cpu:nanoseconds', 0, 1, 'ns', false],
    ['not a profile type', 15, 1, 'short', false],
  ])('%s at step %ss: × %d, unit %s, rate %s', (profileTypeId, step, factor, unit, rate) => {
    const scale = seriesValueScale(profileTypeId, step);
    expect(scale.factor).toBeCloseTo(factor, 20);
    expect(scale).toMatchObject({ unit, rate });
  });

  it('turns 15 s of summed CPU nanoseconds into cores', () => {
    const { factor } = seriesValueScale('process_cpu:cpu:nanoseconds:cpu:nanoseconds', 15);
    // 1.5 cores busy for a 15 s step = 22.5 CPU-seconds.
    expect(22.5e9 * factor).toBeCloseTo(1.5, 12);
  });
});
