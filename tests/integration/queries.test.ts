import { launchPyroscope, type RunningPyroscope } from '../pyroscope/launchPyroscope';
import { column, type FrameJson, type GrafanaSettings, labels, queryThroughGrafana } from '../support/grafanaClient';
import { pyroscopeSelfByFunction, waitForProfiles } from '../support/pyroscopeDirect';
import { fixtureSpanTotals } from '../support/fixtureSpanTotals';
import { pushFixture } from '../support/pushFixture';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

let pyroscope: RunningPyroscope;
let settings: GrafanaSettings;
let fromMs: number;
let toMs: number;

beforeAll(async () => {
  pyroscope = await launchPyroscope();
  settings = { url: pyroscope.url, jsonData: {} };
  const now = Date.now();
  await pushFixture(pyroscope.url, 'cpu.pb.gz', { service: 'fixture-go', tags: { env: 'test' }, timeMs: now - 120000 });
  await pushFixture(pyroscope.url, 'go.cpu.labels.pprof', {
    service: 'fixture-labels',
    tags: { env: 'staging' },
    timeMs: now - 60000,
  });
  fromMs = now - 15 * 60000;
  toMs = now + 60000;
  for (const service of ['fixture-go', 'fixture-labels']) {
    await waitForProfiles(pyroscope.url, CPU, `{service_name="${service}"}`, fromMs, toMs);
  }
});

afterAll(async () => {
  await pyroscope?.stop();
});

function onlyFrame(body: Awaited<ReturnType<typeof queryThroughGrafana>>, refId = 'A'): FrameJson[] {
  const result = body.results[refId];
  expect(result?.error).toBeUndefined();
  expect(result?.status).toBe(200);
  return result?.frames ?? [];
}

function selfByLabel(frame: FrameJson): Map<string, number> {
  const selfs = column<number>(frame, 'self');
  const self = new Map<string, number>();
  labels(frame).forEach((label, i) => self.set(label, (self.get(label) ?? 0) + selfs[i]!));
  self.delete('total');
  return self;
}

describe("profile query through Grafana's client", () => {
  it.each([
    ['fixture-go', '{service_name="fixture-go"}'],
    ['fixture-labels', '{service_name="fixture-labels"}'],
  ])('returns a nested-set frame whose functions and totals match Pyroscope for %s', async (_service, selector) => {
    const body = await queryThroughGrafana(
      settings,
      { refId: 'A', queryType: 'profile', profileTypeId: CPU, labelSelector: selector },
      fromMs,
      toMs
    );
    const [frame] = onlyFrame(body);
    expect(frame).toBeDefined();
    expect(frame!.schema.meta?.preferredVisualisationType).toBe('flamegraph');
    // The label is an enum over Pyroscope's names, as in Grafana's own Pyroscope datasource.
    expect(frame!.schema.fields.map((f) => [f.name, f.type, f.typeInfo?.frame])).toEqual([
      ['label', 'enum', 'enum'],
      ['level', 'number', 'uint16'],
      ['value', 'number', 'int64'],
      ['self', 'number', 'int64'],
    ]);
    const levels = column<number>(frame!, 'level');
    const values = column<number>(frame!, 'value');
    expect(levels[0]).toBe(0);

    const expected = await pyroscopeSelfByFunction(pyroscope.url, CPU, selector, fromMs, toMs);
    expect(values[0]).toBe(expected.total);
    expect(selfByLabel(frame!)).toEqual(expected.self);
  });

  it('narrows to one tag value', async () => {
    const staging = await queryThroughGrafana(
      settings,
      { refId: 'A', queryType: 'profile', profileTypeId: CPU, labelSelector: '{env="staging"}' },
      fromMs,
      toMs
    );
    const [frame] = onlyFrame(staging);
    const expected = await pyroscopeSelfByFunction(pyroscope.url, CPU, '{service_name="fixture-labels"}', fromMs, toMs);
    expect(column<number>(frame!, 'value')[0]).toBe(expected.total);
  });

  it('with a span selector returns only the samples of that span', async () => {
    const spans = fixtureSpanTotals('go.cpu.labels.pprof', 'cpu');
    const [spanId, spanTotal] = [...spans.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const whole = await pyroscopeSelfByFunction(pyroscope.url, CPU, '{service_name="fixture-labels"}', fromMs, toMs);
    const query = {
      refId: 'A',
      queryType: 'profile',
      profileTypeId: CPU,
      labelSelector: '{service_name="fixture-labels"}',
    };

    const [frame] = onlyFrame(await queryThroughGrafana(settings, { ...query, spanSelector: [spanId] }, fromMs, toMs));
    expect(column<number>(frame!, 'value')[0]).toBe(spanTotal);
    expect(spanTotal).toBeLessThan(whole.total);

    const [none] = onlyFrame(
      await queryThroughGrafana(settings, { ...query, spanSelector: ['00000000deadbeef'] }, fromMs, toMs)
    );
    expect(column<number>(none!, 'value')[0] ?? 0).toBe(0);
  });

  it('diffs two different pushes into one frame with both sides', async () => {
    const body = await queryThroughGrafana(
      settings,
      {
        refId: 'A',
        queryType: 'diff',
        profileTypeId: CPU,
        labelSelector: '{service_name="fixture-go"}',
        comparison: { profileTypeId: CPU, labelSelector: '{service_name="fixture-labels"}' },
      },
      fromMs,
      toMs
    );
    const [frame] = onlyFrame(body);
    const names = frame!.schema.fields.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['label', 'level', 'value', 'self', 'valueRight', 'selfRight']));
    expect(frame!.schema.fields.find((f) => f.name === 'label')?.type).toBe('enum');
    const left = await pyroscopeSelfByFunction(pyroscope.url, CPU, '{service_name="fixture-go"}', fromMs, toMs);
    const right = await pyroscopeSelfByFunction(pyroscope.url, CPU, '{service_name="fixture-labels"}', fromMs, toMs);
    const values = column<number>(frame!, 'value');
    const valuesRight = column<number>(frame!, 'valueRight');
    // Grafana's diff frame: value/self are the baseline, valueRight/selfRight the comparison.
    expect(values[0]).toBe(left.total);
    expect(valuesRight[0]).toBe(right.total);

    const nodeLabels = labels(frame!);
    const selfs = column<number>(frame!, 'self');
    const selfsRight = column<number>(frame!, 'selfRight');
    const onlyRight = [...right.self.keys()].find((name) => !left.self.has(name) && right.self.get(name)! > 0)!;
    const onlyLeft = [...left.self.keys()].find((name) => !right.self.has(name) && left.self.get(name)! > 0)!;
    const rowsOf = (name: string) => nodeLabels.flatMap((label, i) => (label === name ? [i] : []));
    const sum = (rows: number[], column: number[]) => rows.reduce((acc, i) => acc + column[i]!, 0);
    expect(sum(rowsOf(onlyRight), selfsRight)).toBe(right.self.get(onlyRight));
    expect(sum(rowsOf(onlyRight), selfs)).toBe(0);
    expect(sum(rowsOf(onlyLeft), selfsRight)).toBe(0);
    expect(sum(rowsOf(onlyLeft), selfs)).toBe(left.self.get(onlyLeft));
  });

  it('returns one time series per group-by value for metrics', async () => {
    const body = await queryThroughGrafana(
      settings,
      { refId: 'A', queryType: 'metrics', profileTypeId: CPU, labelSelector: '{}', groupBy: ['env'] },
      fromMs,
      toMs
    );
    const frames = onlyFrame(body);
    const envs = frames.map((frame) => frame.schema.fields.find((f) => f.type === 'number')?.labels?.env).sort();
    expect(envs).toEqual(['staging', 'test']);
    for (const frame of frames) {
      expect(frame.schema.fields[0]).toMatchObject({ name: 'time', type: 'time' });
      expect(column<number>(frame, frame.schema.fields[1]!.name).some((v) => v > 0)).toBe(true);
    }
  });

  it('returns the flame graph and the series for "both"', async () => {
    const body = await queryThroughGrafana(
      settings,
      { refId: 'A', queryType: 'both', profileTypeId: CPU, labelSelector: '{service_name="fixture-go"}' },
      fromMs,
      toMs
    );
    const frames = onlyFrame(body);
    expect(frames.some((f) => f.schema.meta?.preferredVisualisationType === 'flamegraph')).toBe(true);
    expect(frames.some((f) => f.schema.fields[0]?.type === 'time')).toBe(true);
  });
});
