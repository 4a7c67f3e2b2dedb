import type { DataQuery } from '../plugin/types';
import { parseQuery } from './parseQuery';
import { QueryError } from './QueryError';

const cpu = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const range = { fromMs: 1767225600000, toMs: 1767229200000 };
const hourMs = 3_600_000;

function query(json: Record<string, unknown>, queryType = ''): DataQuery {
  return {
    refId: 'A',
    queryType,
    maxDataPoints: 1000,
    intervalMs: 15000,
    timeRange: range,
    json: { refId: 'A', ...json },
  };
}

function parsed(json: Record<string, unknown>, queryType = '') {
  const result = parseQuery(query(json, queryType));
  if (result instanceof QueryError) {
    throw new Error(`unexpected QueryError: ${result.message}`);
  }
  return result;
}

function problem(json: Record<string, unknown>, queryType = ''): string {
  const result = parseQuery(query(json, queryType));
  if (!(result instanceof QueryError)) {
    throw new Error('expected a QueryError');
  }
  return result.message;
}

describe('parseQuery', () => {
  it('fills in the defaults of the core Pyroscope datasource', () => {
    expect(parsed({ profileTypeId: cpu })).toEqual({
      queryType: 'both',
      refId: 'A',
      profileTypeId: cpu,
      labelSelector: '{}',
      timeRange: range,
      intervalMs: 15000,
      groupBy: [],
      maxNodes: 16384,
      spanSelector: [],
    });
  });

  it('reads the query that Tempo’s trace-to-profiles link sends', () => {
    const link = {
      refId: 'profile',
      datasource: { type: 'emberlabs-profiles-datasource', uid: 'x' },
      labelSelector: '{service_name="checkout", service_namespace="shop"}',
      profileTypeId: cpu,
      queryType: 'profile',
      spanSelector: ['7BE2A3C41E9F0D28'],
      groupBy: [],
    };
    expect(parsed(link)).toMatchObject({
      queryType: 'profile',
      labelSelector: '{service_name="checkout", service_namespace="shop"}',
      spanSelector: ['7be2a3c41e9f0d28'],
      groupBy: [],
    });
  });

  it.each([
    ['the request’s queryType', { profileTypeId: cpu, queryType: 'metrics' }, 'profile', 'profile'],
    ['queryType from the JSON when the request has none', { profileTypeId: cpu, queryType: 'metrics' }, '', 'metrics'],
    ['"both" when neither has one', { profileTypeId: cpu }, '', 'both'],
  ])('takes %s', (_case, json, queryType, expected) => {
    expect(parsed(json, queryType).queryType).toBe(expected);
  });

  it.each([
    [{ labelSelector: '' }, '{}'],
    [{ labelSelector: '   ' }, '{}'],
    [{ labelSelector: null }, '{}'],
    [{ labelSelector: ' {env="prod"} ' }, '{env="prod"}'],
    [{ groupBy: 'service_name' }, ['service_name']],
    [{ groupBy: ['service_name', ' ', 'env '] }, ['service_name', 'env']],
    [{ limit: 10 }, 10],
    [{ limit: '5' }, 5],
    [{ limit: 0 }, undefined],
    [{ maxNodes: 1 }, 1],
    [{ maxNodes: '4096' }, 4096],
    [{ maxNodes: 1048576 }, 1048576],
    [{ maxNodes: null }, 16384],
    [{ spanSelector: '7be2a3c41e9f0d28' }, ['7be2a3c41e9f0d28']],
    [{ spanSelector: [''] }, []],
    [{ spanSelector: ['AAAAAAAAAAAAAAAA', 'bbbbbbbbbbbbbbbb'] }, ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']],
  ])('reads %j', (json, expected) => {
    const key = Object.keys(json)[0] as 'labelSelector' | 'groupBy' | 'limit' | 'maxNodes' | 'spanSelector';
    expect(parsed({ profileTypeId: cpu, ...json })[key as keyof ReturnType<typeof parsed>]).toEqual(expected);
  });

  it.each([
    [{}, 'profileTypeId is required: choose a profile type, e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds'],
    [
      { profileTypeId: '' },
      'profileTypeId is required: choose a profile type, e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds',
    ],
    [
      { profileTypeId: 'process_cpu' },
      'profileTypeId "process_cpu" is not a profile type ID; it has the form <name>:<sampleType>:<sampleUnit>:<periodType>:<periodUnit>, e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds',
    ],
    [
      { profileTypeId: 42 },
      'profileTypeId 42 is not a profile type ID; it has the form <name>:<sampleType>:<sampleUnit>:<periodType>:<periodUnit>, e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds',
    ],
    [
      { profileTypeId: cpu, queryType: 'heatmap' },
      'queryType "heatmap" is not supported; use one of profile, metrics, both, diff',
    ],
    [{ profileTypeId: cpu, labelSelector: 7 }, 'labelSelector must be a string like {service_name="checkout"}'],
    [
      { profileTypeId: cpu, labelSelector: '{service_name=checkout}' },
      'labelSelector {service_name=checkout} is not a label selector: expected a quoted value after service_name= at position 15, found "c"; quote values like service_name="value"; write it like {service_name="checkout"}',
    ],
    [{ profileTypeId: cpu, groupBy: [1] }, 'groupBy must be a list of label names, e.g. ["service_name"]'],
    [{ profileTypeId: cpu, groupBy: { a: 1 } }, 'groupBy must be a list of label names, e.g. ["service_name"]'],
    [{ profileTypeId: cpu, limit: -1 }, 'limit must be a positive whole number (0 = no limit), got -1'],
    [{ profileTypeId: cpu, limit: 2.5 }, 'limit must be a positive whole number (0 = no limit), got 2.5'],
    [{ profileTypeId: cpu, limit: 'ten' }, 'limit must be a positive whole number (0 = no limit), got "ten"'],
    [{ profileTypeId: cpu, maxNodes: 0 }, 'maxNodes must be a whole number from 1 to 1048576, got 0'],
    [{ profileTypeId: cpu, maxNodes: 1048577 }, 'maxNodes must be a whole number from 1 to 1048576, got 1048577'],
    [{ profileTypeId: cpu, maxNodes: true }, 'maxNodes must be a whole number from 1 to 1048576, got true'],
    [
      { profileTypeId: cpu, spanSelector: ['7be2a3c41e9f0d2'] },
      'spanSelector[0] "7be2a3c41e9f0d2" is not a span ID; a span ID is 16 hexadecimal characters, like 7be2a3c41e9f0d28',
    ],
    [
      { profileTypeId: cpu, spanSelector: ['7be2a3c41e9f0d28', 'zzzzzzzzzzzzzzzz'] },
      'spanSelector[1] "zzzzzzzzzzzzzzzz" is not a span ID; a span ID is 16 hexadecimal characters, like 7be2a3c41e9f0d28',
    ],
    [
      { profileTypeId: cpu, spanSelector: [123] },
      'spanSelector must be a list of span IDs (16 hexadecimal characters each)',
    ],
  ])('rejects %j', (json, message) => {
    expect(problem(json)).toBe(message);
  });

  it('rejects an empty time range', () => {
    const result = parseQuery({
      ...query({ profileTypeId: cpu }),
      timeRange: { fromMs: range.toMs, toMs: range.toMs },
    });
    expect(result).toEqual(
      new QueryError(
        'the query time range 2026-01-01T01:00:00.000Z … 2026-01-01T01:00:00.000Z is empty; pick a range whose end is after its start'
      )
    );
  });

  describe('diff', () => {
    const own = { profileTypeId: cpu, labelSelector: '{service_name="checkout"}', timeRange: range };

    it('compares the query’s own selection with itself unless told otherwise', () => {
      expect(parsed({ profileTypeId: cpu, labelSelector: '{service_name="checkout"}' }, 'diff')).toEqual({
        queryType: 'diff',
        refId: 'A',
        maxNodes: 16384,
        baseline: own,
        comparison: own,
      });
    });

    it.each([
      [
        'a shifted comparison (1w earlier)',
        { comparison: { shift: '1w' } },
        own,
        { ...own, timeRange: { fromMs: range.fromMs - 168 * hourMs, toMs: range.toMs - 168 * hourMs } },
      ],
      [
        'a negative shift (1h later)',
        { comparison: { shift: '-1h' } },
        own,
        { ...own, timeRange: { fromMs: range.fromMs + hourMs, toMs: range.toMs + hourMs } },
      ],
      [
        'an explicit comparison range',
        { comparison: { timeRange: { fromMs: 1000, toMs: 2000 } } },
        own,
        { ...own, timeRange: { fromMs: 1000, toMs: 2000 } },
      ],
      [
        'another service and profile type of the same unit',
        {
          comparison: {
            labelSelector: '{service_name="cart"}',
            profileTypeId: 'wall:cpu:nanoseconds:wall:nanoseconds',
          },
        },
        own,
        { ...own, labelSelector: '{service_name="cart"}', profileTypeId: 'wall:cpu:nanoseconds:wall:nanoseconds' },
      ],
      [
        'a baseline shifted a day earlier',
        { baseline: { shift: '24h' } },
        { ...own, timeRange: { fromMs: range.fromMs - 24 * hourMs, toMs: range.toMs - 24 * hourMs } },
        own,
      ],
      [
        'an empty comparison selector as everything',
        { comparison: { labelSelector: '' } },
        own,
        { ...own, labelSelector: '{}' },
      ],
    ])('reads %s', (_case, json, baseline, comparison) => {
      expect(
        parsed({ profileTypeId: cpu, labelSelector: '{service_name="checkout"}', maxNodes: 100, ...json }, 'diff')
      ).toEqual({
        queryType: 'diff',
        refId: 'A',
        maxNodes: 100,
        baseline,
        comparison,
      });
    });

    it.each([
      [{ comparison: 'last week' }, 'comparison must be an object like {"labelSelector": "{…}", "shift": "1w"}'],
      [{ baseline: [] }, 'baseline must be an object like {"labelSelector": "{…}", "shift": "1w"}'],
      [{ comparison: { shift: '1h', timeRange: range } }, 'comparison has both timeRange and shift; give one of them'],
      [
        { comparison: { shift: 'last week' } },
        'comparison.shift "last week" is not a duration; write it like "1w", "24h", "30m" or "-1h" (a positive shift moves the range earlier)',
      ],
      [
        { comparison: { shift: 3600 } },
        'comparison.shift 3600 is not a duration; write it like "1w", "24h", "30m" or "-1h" (a positive shift moves the range earlier)',
      ],
      [
        { comparison: { timeRange: { from: 1, to: 2 } } },
        'comparison.timeRange must be {"fromMs": <epoch ms>, "toMs": <epoch ms>}',
      ],
      [
        { baseline: { timeRange: { fromMs: 2000, toMs: 1000 } } },
        'baseline.timeRange 1970-01-01T00:00:02.000Z … 1970-01-01T00:00:01.000Z is empty; pick a range whose end is after its start',
      ],
      [
        { comparison: { profileTypeId: 'cpu' } },
        'comparison.profileTypeId "cpu" is not a profile type ID; it has the form <name>:<sampleType>:<sampleUnit>:<periodType>:<periodUnit>, e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      ],
      [
        { comparison: { labelSelector: '{a=b}' } },
        'comparison.labelSelector {a=b} is not a label selector: expected a quoted value after a= at position 4, found "b"; quote values like a="value"; write it like {service_name="checkout"}',
      ],
      [
        { comparison: { profileTypeId: 'memory:alloc_space:bytes:space:bytes' } },
        'the baseline (process_cpu:cpu:nanoseconds:cpu:nanoseconds) and comparison (memory:alloc_space:bytes:space:bytes) profile types measure different units (nanoseconds vs bytes); compare profile types of the same unit',
      ],
      [
        { spanSelector: ['7be2a3c41e9f0d28'] },
        'spanSelector cannot be used with queryType "diff"; remove it or use queryType "profile"',
      ],
    ])('rejects %j', (json, message) => {
      expect(problem({ profileTypeId: cpu, ...json }, 'diff')).toBe(message);
    });
  });
});
