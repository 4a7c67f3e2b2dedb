import { frameLabels } from '../frames/frameLabels';
import type { DataQuery, QueryDataRequest } from '../plugin/types';
import { PyroscopeError } from '../pyroscope/PyroscopeError';
import type {
  FlameGraph,
  FlameGraphDiff,
  MergeRequest,
  ProfileQuerier,
  SeriesRequest,
  Series,
} from '../pyroscope/types';
import type { DatasourceSettings } from '../settings/DatasourceSettings';
import { workedExampleGraph } from '../pyroscope/workedExampleGraph';
import { queryData } from './queryData';

const cpu = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const range = { fromMs: 1767225600000, toMs: 1767229200000 };
const settings: DatasourceSettings = {
  url: 'http://pyroscope:4040',
  auth: { mode: 'bearer', token: 'secret-token' },
  headers: {},
  timeoutMs: 30000,
  spanWindowPadMs: 60000,
  minStepSeconds: 15,
  compression: 'auto',
};
const graph = workedExampleGraph;
const emptyGraph: FlameGraph = { names: ['total'], levels: [[0, 0, 0, 0]], total: 0, maxSelf: 0 };
const series: Series[] = [
  { labels: { service_name: 'checkout' }, points: [{ timestampMs: range.fromMs, value: 15e9 }] },
];
const diffGraph: FlameGraphDiff = {
  names: ['total', 'a'],
  levels: [
    [0, 4, 0, 0, 6, 0, 0],
    [0, 4, 4, 0, 6, 6, 1],
  ],
  total: 10,
  maxSelf: 6,
  leftTicks: 4,
  rightTicks: 6,
};

/** A ProfileQuerier that answers from the given functions and records every call. */
function fakeQuerier(answers: Partial<ProfileQuerier> = {}) {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const record =
    <A extends unknown[], R>(method: keyof ProfileQuerier, fallback: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      calls.push({ method, args });
      const answer = answers[method] as ((...a: A) => Promise<R>) | undefined;
      return (answer ?? fallback)(...args);
    };
  const unused = async (): Promise<never> => {
    throw new Error('not used by queries');
  };
  const querier: ProfileQuerier = {
    profileTypes: record('profileTypes', unused),
    labelNames: record('labelNames', unused),
    labelValues: record('labelValues', unused),
    series: record('series', unused),
    mergeStacktraces: record('mergeStacktraces', async (_request: MergeRequest) => graph),
    diff: record('diff', async (_left: MergeRequest, _right: MergeRequest) => diffGraph),
    selectSeries: record('selectSeries', async (_request: SeriesRequest) => series),
    mergeProfile: record('mergeProfile', unused),
  };
  return { querier, calls };
}

function query(refId: string, json: Record<string, unknown>, overrides: Partial<DataQuery> = {}): DataQuery {
  return {
    refId,
    queryType: String(json.queryType ?? ''),
    maxDataPoints: 1000,
    intervalMs: 2000,
    timeRange: range,
    json: { refId, ...json },
    ...overrides,
  };
}

function request(...queries: DataQuery[]): QueryDataRequest {
  return { context: { orgId: 1, pluginId: 'emberlabs-profiles-datasource', grafanaConfig: {} }, headers: {}, queries };
}

const signal = new AbortController().signal;

describe('queryData', () => {
  it('answers a profile query with the flame graph frame and what it asked Pyroscope', async () => {
    const { querier, calls } = fakeQuerier();
    const { responses } = await queryData(
      request(query('A', { queryType: 'profile', profileTypeId: cpu, labelSelector: '{service_name="checkout"}' })),
      querier,
      settings,
      signal
    );
    expect(calls).toEqual([
      {
        method: 'mergeStacktraces',
        args: [
          {
            profileTypeId: cpu,
            labelSelector: '{service_name="checkout"}',
            window: { startMs: range.fromMs, endMs: range.toMs },
            maxNodes: 16384,
          },
          signal,
        ],
      },
    ]);
    const response = responses.A!;
    expect(response.status).toBe(200);
    expect(response.frames).toHaveLength(1);
    const [frame] = response.frames;
    expect(frame).toMatchObject({ name: 'response', refId: 'A' });
    expect(frameLabels(frame!)).toEqual(['total', 'a', 'b', 'c', 'd']);
    expect(frame!.meta).toEqual({
      preferredVisualisationType: 'flamegraph',
      custom: { profileTypeId: cpu },
      executedQueryString: `SelectMergeStacktraces profileTypeID=${cpu} labelSelector={service_name="checkout"} start=2026-01-01T00:00:00.000Z end=2026-01-01T01:00:00.000Z maxNodes=16384`,
    });
  });

  it('widens the window of a span query by the configured padding on both sides', async () => {
    const { querier, calls } = fakeQuerier();
    const { responses } = await queryData(
      request(
        query('profile', {
          queryType: 'profile',
          profileTypeId: cpu,
          spanSelector: ['7BE2A3C41E9F0D28'],
          maxNodes: 512,
        })
      ),
      querier,
      settings,
      signal
    );
    expect(calls[0]!.args[0]).toEqual({
      profileTypeId: cpu,
      labelSelector: '{}',
      window: { startMs: range.fromMs - 60000, endMs: range.toMs + 60000 },
      maxNodes: 512,
      spanSelector: ['7be2a3c41e9f0d28'],
    });
    expect(responses.profile!.frames[0]!.meta?.executedQueryString).toBe(
      `SelectMergeStacktraces profileTypeID=${cpu} labelSelector={} start=2025-12-31T23:59:00.000Z end=2026-01-01T01:01:00.000Z maxNodes=512 spanSelector=[7be2a3c41e9f0d28]`
    );
  });

  it('answers a metrics query with series frames at step max(interval, minimum step), as cores', async () => {
    const { querier, calls } = fakeQuerier();
    const { responses } = await queryData(
      request(query('M', { queryType: 'metrics', profileTypeId: cpu, groupBy: ['service_name'], limit: 5 })),
      querier,
      settings,
      signal
    );
    expect(calls).toEqual([
      {
        method: 'selectSeries',
        args: [
          {
            profileTypeId: cpu,
            labelSelector: '{}',
            window: { startMs: range.fromMs, endMs: range.toMs },
            stepSeconds: 15,
            groupBy: ['service_name'],
            limit: 5,
          },
          signal,
        ],
      },
    ]);
    const [frame] = responses.M!.frames;
    expect(frame!.fields[1]).toMatchObject({ config: { unit: 'cores', displayNameFromDS: 'checkout' } });
    expect(Array.from(frame!.fields[1]!.values)).toEqual([1]);
    expect(frame!.meta?.executedQueryString).toBe(
      `SelectSeries profileTypeID=${cpu} labelSelector={} start=2026-01-01T00:00:00.000Z end=2026-01-01T01:00:00.000Z step=15s groupBy=[service_name] limit=5`
    );
  });

  it('uses the panel interval when it is above the minimum step', async () => {
    const { querier, calls } = fakeQuerier();
    await queryData(
      request(query('M', { queryType: 'metrics', profileTypeId: cpu }, { intervalMs: 60000 })),
      querier,
      settings,
      signal
    );
    expect((calls[0]!.args[0] as SeriesRequest).stepSeconds).toBe(60);
  });

  it('answers "both" with the flame graph first, then the series, asking Pyroscope for both at once', async () => {
    const started: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { querier } = fakeQuerier({
      mergeStacktraces: async () => {
        started.push('merge');
        await gate;
        return graph;
      },
      selectSeries: async () => {
        started.push('series');
        release();
        return series;
      },
    });
    const { responses } = await queryData(request(query('B', { profileTypeId: cpu })), querier, settings, signal);
    expect(started).toEqual(['merge', 'series']);
    expect(responses.B!.frames.map((f) => f.name)).toEqual(['response', 'series']);
  });

  it('answers a diff with the baseline on the left and the shifted comparison on the right', async () => {
    const { querier, calls } = fakeQuerier();
    const { responses } = await queryData(
      request(
        query('D', {
          queryType: 'diff',
          profileTypeId: cpu,
          labelSelector: '{service_name="checkout"}',
          comparison: { shift: '1h', labelSelector: '{service_name="cart"}' },
          maxNodes: 2048,
        })
      ),
      querier,
      settings,
      signal
    );
    const hour = 3_600_000;
    expect(calls).toEqual([
      {
        method: 'diff',
        args: [
          {
            profileTypeId: cpu,
            labelSelector: '{service_name="checkout"}',
            window: { startMs: range.fromMs, endMs: range.toMs },
            maxNodes: 2048,
          },
          {
            profileTypeId: cpu,
            labelSelector: '{service_name="cart"}',
            window: { startMs: range.fromMs - hour, endMs: range.toMs - hour },
            maxNodes: 2048,
          },
          signal,
        ],
      },
    ]);
    const [frame] = responses.D!.frames;
    expect(frameLabels(frame!)).toEqual(['total', 'a']);
    expect(frame!.fields.slice(1).map((f) => [f.name, Array.from(f.values)])).toEqual([
      ['level', [0, 1]],
      ['value', [4, 4]],
      ['self', [0, 4]],
      ['valueRight', [6, 6]],
      ['selfRight', [0, 6]],
    ]);
    expect(frame!.meta?.custom).toEqual({
      profileTypeId: cpu,
      baseline: { profileTypeId: cpu, labelSelector: '{service_name="checkout"}', timeRange: range },
      comparison: {
        profileTypeId: cpu,
        labelSelector: '{service_name="cart"}',
        timeRange: { fromMs: range.fromMs - hour, toMs: range.toMs - hour },
      },
    });
    expect(frame!.meta?.executedQueryString).toMatch(
      /^Diff left \(baseline\): SelectMergeStacktraces .* right \(comparison\): SelectMergeStacktraces .*labelSelector=\{service_name="cart"\} start=2025-12-31T23:00:00.000Z/
    );
    expect(frame!.meta?.notices).toBeUndefined();
  });

  describe('empty ranges', () => {
    it('returns the root-only flame graph with an info notice, not an error', async () => {
      const { querier } = fakeQuerier({ mergeStacktraces: async () => emptyGraph });
      const { responses } = await queryData(
        request(query('A', { queryType: 'profile', profileTypeId: cpu, labelSelector: '{service_name="gone"}' })),
        querier,
        settings,
        signal
      );
      expect(responses.A!.status).toBe(200);
      const [frame] = responses.A!.frames;
      expect(frameLabels(frame!)).toEqual(['total']);
      expect(frame!.fields.slice(1).map((f) => Array.from(f.values))).toEqual([[0], [0], [0]]);
      expect(frame!.meta?.notices).toEqual([
        {
          severity: 'info',
          text: `No profiles for {service_name="gone"} (${cpu}) in this range; check that the agent is running and the time range`,
        },
      ]);
    });

    it('mentions the span when a span query finds nothing', async () => {
      const { querier } = fakeQuerier({ mergeStacktraces: async () => emptyGraph });
      const { responses } = await queryData(
        request(query('A', { queryType: 'profile', profileTypeId: cpu, spanSelector: 'aaaaaaaaaaaaaaaa' })),
        querier,
        settings,
        signal
      );
      expect(responses.A!.frames[0]!.meta?.notices?.[0]?.text).toBe(
        `No profiles for span aaaaaaaaaaaaaaaa of {} (${cpu}) in this range; check that the agent is running, that it labels samples with span_id, and the time range`
      );
    });

    it('returns one empty series frame with the notice when no series match', async () => {
      const { querier } = fakeQuerier({ selectSeries: async () => [] });
      const { responses } = await queryData(
        request(query('M', { queryType: 'metrics', profileTypeId: cpu })),
        querier,
        settings,
        signal
      );
      const [frame] = responses.M!.frames;
      expect(responses.M!.frames).toHaveLength(1);
      expect(frame!.fields.map((f) => f.values.length)).toEqual([0, 0]);
      expect(frame!.meta?.notices?.[0]?.severity).toBe('info');
    });

    it('says which side of a diff is empty', async () => {
      const { querier } = fakeQuerier({
        diff: async () => ({
          ...diffGraph,
          levels: [
            [0, 0, 0, 0, 6, 0, 0],
            [0, 0, 0, 0, 6, 6, 1],
          ],
          leftTicks: 0,
        }),
      });
      const { responses } = await queryData(
        request(query('D', { queryType: 'diff', profileTypeId: cpu, baseline: { shift: '1w' } })),
        querier,
        settings,
        signal
      );
      expect(responses.D!.frames[0]!.meta?.notices).toEqual([
        {
          severity: 'info',
          text: `No profiles for the baseline {} (${cpu}) in this range; check that the agent is running and the time range`,
        },
      ]);
    });
  });

  describe('errors', () => {
    it.each([
      ['invalid_argument', 400],
      ['timeout', 504],
      ['auth_refused', 502],
      ['unreachable', 502],
    ] as const)('maps Pyroscope’s %s to %d from downstream', async (kind, status) => {
      const { querier } = fakeQuerier({
        mergeStacktraces: async () => {
          throw new PyroscopeError(kind, `Pyroscope said ${kind}`);
        },
      });
      const { responses } = await queryData(
        request(query('A', { queryType: 'profile', profileTypeId: cpu })),
        querier,
        settings,
        signal
      );
      expect(responses.A).toEqual({ frames: [], status, error: `Pyroscope said ${kind}`, errorSource: 'downstream' });
    });

    it('answers a bad query with 400 from the plugin without calling Pyroscope', async () => {
      const { querier, calls } = fakeQuerier();
      const { responses } = await queryData(request(query('A', { queryType: 'profile' })), querier, settings, signal);
      expect(calls).toEqual([]);
      expect(responses.A).toEqual({
        frames: [],
        status: 400,
        error: 'profileTypeId is required: choose a profile type, e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds',
        errorSource: 'plugin',
      });
    });

    it('answers an unreadable flame graph as a downstream error', async () => {
      const { querier } = fakeQuerier({
        mergeStacktraces: async () => ({ ...graph, levels: [[0, 9, 0, 0, 0, 1, 1, 0]] }),
      });
      const { responses } = await queryData(
        request(query('A', { queryType: 'profile', profileTypeId: cpu })),
        querier,
        settings,
        signal
      );
      expect(responses.A).toMatchObject({
        status: 502,
        errorSource: 'downstream',
        error: expect.stringContaining('cannot be read'),
      });
    });

    it('answers a bug with 500 and a safe message, and logs the details', async () => {
      const { querier } = fakeQuerier({
        selectSeries: async () => {
          throw new TypeError(`cannot read ${settings.auth.mode === 'bearer' ? settings.auth.token : ''}`);
        },
      });
      const logged: Array<[string, Record<string, unknown> | undefined]> = [];
      const logger = { error: (message: string, fields?: Record<string, unknown>) => logged.push([message, fields]) };
      const { responses } = await queryData(
        request(query('M', { queryType: 'metrics', profileTypeId: cpu })),
        querier,
        settings,
        signal,
        logger
      );
      expect(responses.M).toEqual({
        frames: [],
        status: 500,
        error: 'Query M failed inside the datasource backend; the Grafana server log has the details',
        errorSource: 'plugin',
      });
      expect(responses.M!.error).not.toContain('secret-token');
      expect(logged).toEqual([
        ['query failed unexpectedly', { refId: 'M', error: expect.stringContaining('TypeError') }],
      ]);
    });

    it('keeps one failing query from affecting the others, which run concurrently', async () => {
      const started: string[] = [];
      const { querier } = fakeQuerier({
        mergeStacktraces: async (req: MergeRequest) => {
          started.push(`start ${req.labelSelector}`);
          await new Promise((resolve) => setImmediate(resolve));
          started.push(`end ${req.labelSelector}`);
          if (req.labelSelector.includes('bad')) {
            throw new PyroscopeError('upstream', 'Pyroscope failed');
          }
          return graph;
        },
      });
      const { responses } = await queryData(
        request(
          query('ok1', { queryType: 'profile', profileTypeId: cpu, labelSelector: '{a="ok1"}' }),
          query('bad', { queryType: 'profile', profileTypeId: cpu, labelSelector: '{a="bad"}' }),
          query('invalid', { queryType: 'profile', profileTypeId: 'nope' }),
          query('ok2', { queryType: 'profile', profileTypeId: cpu, labelSelector: '{a="ok2"}' })
        ),
        querier,
        settings,
        signal
      );
      expect(started.slice(0, 3)).toEqual(['start {a="ok1"}', 'start {a="bad"}', 'start {a="ok2"}']);
      expect(Object.fromEntries(Object.entries(responses).map(([refId, r]) => [refId, r.status]))).toEqual({
        ok1: 200,
        bad: 502,
        invalid: 400,
        ok2: 200,
      });
      expect(responses.ok2!.frames).toHaveLength(1);
    });
  });
});
