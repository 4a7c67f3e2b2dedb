import type { Series } from '../pyroscope/types';
import { seriesToFrames } from './seriesToFrames';

const cpu = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const series: Series[] = [
  {
    labels: { service_name: 'checkout' },
    points: [
      { timestampMs: 1000, value: 30e9 },
      { timestampMs: 16000, value: 15e9 },
    ],
  },
  { labels: { service_name: 'frontend' }, points: [{ timestampMs: 1000, value: 0 }] },
];

describe('seriesToFrames', () => {
  it('makes one frame per series with time in ms and values scaled to cores', () => {
    const frames = seriesToFrames(series, cpu, 'A', {
      stepSeconds: 15,
      groupBy: ['service_name'],
      labelSelector: '{}',
    });
    expect(frames).toHaveLength(2);
    const [first] = frames;
    expect(first).toMatchObject({
      name: 'series',
      refId: 'A',
      meta: { preferredVisualisationType: 'graph', custom: { profileTypeId: cpu, rateCalculated: true } },
    });
    const [time, value] = first!.fields;
    expect(time).toMatchObject({ name: 'time', type: 'time', config: { interval: 15000 } });
    expect(Array.from(time!.values)).toEqual([1000, 16000]);
    expect(value).toMatchObject({
      name: 'value',
      type: 'float64',
      labels: { service_name: 'checkout' },
      config: { unit: 'cores', displayNameFromDS: 'checkout' },
    });
    expect(Array.from(value!.values)).toEqual([2, 1]);
    expect(Array.from(frames[1]!.fields[0]!.values)).toEqual([1000]);
  });

  it.each([
    [['service_name'], { service_name: 'checkout' }, '{}', 'checkout'],
    [['service_name'], {}, '{}', 'service_name not set'],
    [['service_name', 'env'], { service_name: 'checkout', env: 'prod' }, '{}', '{service_name="checkout", env="prod"}'],
    [[], {}, '{}', 'cpu'],
    [[], {}, '{service_name="checkout"}', 'cpu {service_name="checkout"}'],
  ])('names the series for groupBy %j and labels %j (selector %s): %s', (groupBy, labels, labelSelector, name) => {
    const [frame] = seriesToFrames([{ labels, points: [] }], cpu, 'A', { stepSeconds: 15, groupBy, labelSelector });
    expect(frame!.fields[1]!.config?.displayNameFromDS).toBe(name);
  });

  it('leaves snapshot types as they are and accepts a ProfileType object', () => {
    const type = {
      id: 'memory:inuse_space:bytes:space:bytes',
      name: 'memory',
      sampleType: 'inuse_space',
      sampleUnit: 'bytes',
      periodType: 'space',
      periodUnit: 'bytes',
    };
    const [frame] = seriesToFrames([{ labels: {}, points: [{ timestampMs: 5, value: 1024 }] }], type, 'B', {
      stepSeconds: 15,
      groupBy: [],
      labelSelector: '{}',
    });
    expect(Array.from(frame!.fields[1]!.values)).toEqual([1024]);
    expect(frame!.fields[1]!.config).toEqual({ unit: 'bytes', displayNameFromDS: 'inuse_space' });
    expect(frame!.meta?.custom).toEqual({ profileTypeId: type.id, rateCalculated: false });
  });

  it('returns no frames for no series', () => {
    expect(seriesToFrames([], cpu, 'A', { stepSeconds: 15, groupBy: [], labelSelector: '{}' })).toEqual([]);
  });
});
