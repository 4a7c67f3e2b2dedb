import { sideSelector } from '../../src/pages/Profiles/domain/sideSelector';
import { parse } from '../../src/pages/Profiles/domain/urlState';
import { fromResourceAttributes } from '../../src/traces/fromResourceAttributes';
import { fromTraceView } from '../../src/traces/fromTraceView';
import { CPU_PROFILE_TYPE, type LinkSettings } from '../../src/traces/LinkSettings';
import { profilesLinkUrl } from '../../src/traces/profilesLinkUrl';
import { resourceAttributesContext } from '../../src/traces/testing/resourceAttributesContext';
import { launchPyroscope, type RunningPyroscope } from '../pyroscope/launchPyroscope';
import { type GrafanaSettings, labels, queryThroughGrafana } from '../support/grafanaClient';
import { otlpToGrafanaSpan } from '../support/otlpToGrafanaSpan';
import type { ReceivedSpan } from '../support/startOtlpReceiver';
import { traceSampleRequests } from '../support/traceSampleRequests';

const SERVICE = 'trigs-trace-links';
const LINK_SETTINGS: LinkSettings = { datasourceUid: 'profiles', profileTypeId: CPU_PROFILE_TYPE, padSeconds: 60 };

let pyroscope: RunningPyroscope;
let settings: GrafanaSettings;
let spans: ReceivedSpan[];
let slowRoot: ReceivedSpan;

beforeAll(async () => {
  pyroscope = await launchPyroscope();
  settings = { url: pyroscope.url };
  spans = await traceSampleRequests(pyroscope.url, SERVICE);
  const roots = spans.filter(
    (span) => span.attributes['pyroscope.profile.id'] && span.name.includes('/v1/reports/slow')
  );
  expect(roots.length).toBeGreaterThan(0);
  slowRoot = roots[Math.floor(roots.length / 2)]!;
});

afterAll(async () => {
  await pyroscope?.stop();
});

/** Opens a link's URL as the page does: its flame graph query over its range, through Grafana's client. */
async function pageFlameGraph(url: string) {
  const state = parse(url);
  const query = {
    refId: 'profile',
    queryType: 'profile',
    profileTypeId: state.main.profileTypeId,
    labelSelector: sideSelector(state.main),
    ...(state.spanSelector ? { spanSelector: state.spanSelector } : {}),
  };
  const body = await queryThroughGrafana(settings, query, Number(state.main.range.from), Number(state.main.range.to));
  expect(body.results.profile?.status).toBe(200);
  return labels(body.results.profile!.frames![0]!);
}

const span = (received: ReceivedSpan) => otlpToGrafanaSpan(received);

describe('trace links against the sample app and a real Pyroscope', () => {
  it("a span link shows only that request's code, while other requests ran concurrently", async () => {
    const context = resourceAttributesContext(span(slowRoot), { from: Date.now() - 3_600_000, to: Date.now() });
    const url = profilesLinkUrl(fromResourceAttributes(context, 'span')!, LINK_SETTINGS);
    expect(parse(url).spanSelector).toEqual([slowRoot.spanId]);

    const names = await pageFlameGraph(url);
    expect(names.some((name) => name.includes('findDuplicateIdsSlowly'))).toBe(true);
    expect(names.some((name) => name.includes('convolveImage'))).toBe(false);
  });

  it('a window link (service.name) shows the whole service over the same window', async () => {
    const context = resourceAttributesContext(span(slowRoot), { from: Date.now() - 3_600_000, to: Date.now() });
    const url = profilesLinkUrl(fromResourceAttributes(context, 'window')!, LINK_SETTINGS);
    expect(parse(url).spanSelector).toBeUndefined();

    const names = await pageFlameGraph(url);
    expect(names.some((name) => name.includes('findDuplicateIdsSlowly'))).toBe(true);
    expect(names.some((name) => name.includes('convolveImage'))).toBe(true);
  });

  it("the trace header link selects the trace's profiled root span over its whole duration", async () => {
    const traceSpans = spans.filter((candidate) => candidate.traceId === slowRoot.traceId).map(span);
    const link = fromTraceView({ traceID: slowRoot.traceId, spans: traceSpans, datasource: { uid: 'tempo' } })!;
    expect(link.spanSelector).toEqual([slowRoot.spanId]);
    expect(link.spanName).toBe(slowRoot.name);

    const names = await pageFlameGraph(profilesLinkUrl(link, LINK_SETTINGS));
    expect(names.some((name) => name.includes('findDuplicateIdsSlowly'))).toBe(true);
    expect(names.some((name) => name.includes('convolveImage'))).toBe(false);
  });

  it("answers Tempo's own trace-to-profiles query over the span's own time: the backend's pad finds the samples", async () => {
    // What Tempo's "Related profiles" data link sends for this span to a datasource not of the core Pyroscope
    // type: its fields, a one-element spanSelector, and the span's start … end without Grafana's ±60 s
    // (resultTransformer.ts and createSpanLink.tsx in Grafana).
    const startMs = Number(BigInt(slowRoot.startTimeUnixNano) / 1_000_000n);
    const endMs = Number(BigInt(slowRoot.endTimeUnixNano) / 1_000_000n);
    const body = await queryThroughGrafana(
      settings,
      {
        refId: 'profile',
        queryType: 'profile',
        labelSelector: `{service_name="${SERVICE}"}`,
        profileTypeId: CPU_PROFILE_TYPE,
        spanSelector: [slowRoot.attributes['pyroscope.profile.id']],
        groupBy: [],
        datasource: { type: 'emberlabs-profiles-datasource', uid: 'profiles' },
      },
      startMs,
      endMs
    );
    expect(body.results.profile?.status).toBe(200);
    const names = labels(body.results.profile!.frames![0]!);
    expect(names.some((name) => name.includes('findDuplicateIdsSlowly'))).toBe(true);
    expect(names.some((name) => name.includes('convolveImage'))).toBe(false);
  });
});
