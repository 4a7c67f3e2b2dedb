import { defaultProfileType } from './defaultProfileType';
import { profileTypeOption } from '../../../datasource/testing/profileTypeOption';

const type = profileTypeOption;

describe('defaultProfileType(types)', () => {
  it.each([
    [
      ['memory:alloc_space:bytes:space:bytes', 'process_cpu:cpu:nanoseconds:cpu:nanoseconds'],
      'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
    ],
    [
      ['memory:alloc_space:bytes:space:bytes', 'wall:wall:nanoseconds:wall:nanoseconds'],
      'wall:wall:nanoseconds:wall:nanoseconds',
    ],
    [['memory:alloc_space:bytes:space:bytes', 'goroutine:goroutine:count::'], 'memory:alloc_space:bytes:space:bytes'],
    [[], ''],
  ])('picks from %j', (ids, expected) => {
    expect(defaultProfileType(ids.map(type))).toBe(expected);
  });
});
