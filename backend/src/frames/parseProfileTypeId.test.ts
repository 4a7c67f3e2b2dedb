import { parseProfileTypeId } from './parseProfileTypeId';

describe('parseProfileTypeId', () => {
  it('splits the five parts', () => {
    expect(parseProfileTypeId('process_cpu:cpu:nanoseconds:cpu:nanoseconds')).toEqual({
      id: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      name: 'process_cpu',
      sampleType: 'cpu',
      sampleUnit: 'nanoseconds',
      periodType: 'cpu',
      periodUnit: 'nanoseconds',
    });
  });

  it.each([
    ['memory:alloc_space:bytes::', { sampleType: 'alloc_space', sampleUnit: 'bytes', periodType: '', periodUnit: '' }],
    ['process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta', { name: 'process_cpu', periodUnit: 'nanoseconds' }],
  ])('accepts %s', (id, parts) => {
    expect(parseProfileTypeId(id)).toMatchObject(parts);
  });

  it.each([
    '',
    'process_cpu',
    'a:b:c:d',
    'a:b:c:d:e:f:g',
    ':cpu:nanoseconds:cpu:nanoseconds',
    'process_cpu::nanoseconds::',
  ])('rejects %j', (id) => {
    expect(parseProfileTypeId(id)).toBeUndefined();
  });
});
