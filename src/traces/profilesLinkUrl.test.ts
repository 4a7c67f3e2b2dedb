import { context, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

import { parse } from '../pages/Profiles/domain/urlState';
import { fromResourceAttributes } from './fromResourceAttributes';
import { fromTraceView } from './fromTraceView';
import { CPU_PROFILE_TYPE, type LinkSettings } from './LinkSettings';
import { profilesLinkUrl } from './profilesLinkUrl';
import { resourceAttributesContext } from './testing/resourceAttributesContext';
import { toGrafanaSpan } from './testing/toGrafanaSpan';

const SETTINGS: LinkSettings = { datasourceUid: 'pyro', profileTypeId: CPU_PROFILE_TYPE, padSeconds: 60 };
const START_MS = 1767225600123; // 2026-01-01T00:00:00.123Z
const VIEW = { from: START_MS - 3_600_000, to: START_MS + 600_000 };

/**
 * A request traced by the real OpenTelemetry SDK: a root span that, like our agent's span processor,
 * carries its own id as `pyroscope.profile.id`, and a child span 200 ms into its 1.5 s.
 */
function tracedRequest(resource: Record<string, string> = { 'service.name': 'trigs-api' }, profiled = true) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    // Only the given attributes: the SDK's defaults would add an `unknown_service` name.
    resource: resourceFromAttributes(resource),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('test');
  const root = tracer.startSpan('GET /v1/reports/slow', { startTime: START_MS });
  if (profiled) {
    root.setAttribute('pyroscope.profile.id', root.spanContext().spanId);
  }
  const child = tracer.startSpan(
    'findDuplicateIdsSlowly',
    { startTime: START_MS + 200 },
    trace.setSpan(context.active(), root)
  );
  child.end(START_MS + 1400);
  root.end(START_MS + 1500);
  const spans = exporter.getFinishedSpans();
  const byName = (name: string) => spans.find((span) => span.name === name)!;
  return { root: byName('GET /v1/reports/slow'), child: byName('findDuplicateIdsSlowly'), spans };
}

function traceView(spans: ReadableSpan[]) {
  return {
    traceID: spans[0]!.spanContext().traceId,
    spans: spans.map(toGrafanaSpan),
    datasource: { uid: 'tempo-uid', type: 'tempo', name: 'Tempo' },
  };
}

describe('profilesLinkUrl over spans of the OpenTelemetry SDK', () => {
  it("opens the span's own samples over its start ± the pad (µs → ms), with its ids (Grafana ≥ 12.4)", () => {
    const { root } = tracedRequest();
    const spanId = root.spanContext().spanId;
    const link = fromResourceAttributes(resourceAttributesContext(toGrafanaSpan(root), VIEW), 'span')!;
    const url = profilesLinkUrl(link, SETTINGS);

    expect(url.startsWith('/a/emberlabs-profiles-app/profiles?')).toBe(true);
    const state = parse(url);
    expect(state.datasource).toBe('pyro');
    expect(state.main.service).toBe('trigs-api');
    expect(state.main.profileTypeId).toBe(CPU_PROFILE_TYPE);
    // No duration reaches attribute links: the window is the start ± 60 s.
    expect(state.main.range).toEqual({ from: String(START_MS - 60_000), to: String(START_MS + 60_000) });
    expect(state.spanSelector).toEqual([spanId]);
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(state.trace).toEqual({
      traceId: root.spanContext().traceId,
      spanId,
      datasource: 'tempo-uid',
      gaps: ['spanEnd'],
    });
  });

  it('falls back to the trace view range and says so where Grafana passes no ids or times', () => {
    const { root } = tracedRequest();
    const link = fromResourceAttributes(resourceAttributesContext(toGrafanaSpan(root), VIEW, true), 'span')!;
    const state = parse(profilesLinkUrl(link, SETTINGS));

    expect(state.main.range).toEqual({ from: String(VIEW.from - 60_000), to: String(VIEW.to + 60_000) });
    expect(state.spanSelector).toEqual([root.spanContext().spanId]);
    expect(state.trace).toEqual({
      spanId: root.spanContext().spanId,
      datasource: 'tempo-uid',
      gaps: ['spanStart', 'traceId'],
    });
  });

  it('links the service window without a span selector from the service.name row', () => {
    const { root } = tracedRequest();
    const state = parse(
      profilesLinkUrl(fromResourceAttributes(resourceAttributesContext(toGrafanaSpan(root), VIEW), 'window')!, {
        ...SETTINGS,
        padSeconds: 15,
      })
    );
    expect(state.main.service).toBe('trigs-api');
    expect(state.spanSelector).toBeUndefined();
    expect(state.main.range).toEqual({ from: String(START_MS - 15_000), to: String(START_MS + 15_000) });
    expect(state.trace?.spanId).toBe(root.spanContext().spanId);
  });

  it.each([
    [
      'no pyroscope.profile.id (a service without span labels)',
      { 'service.name': 'trigs-api' },
      false,
      ['profileId', 'spanEnd'],
    ],
    ['no service.name', {}, true, ['spanEnd', 'service']],
  ] as Array<[string, Record<string, string>, boolean, string[]]>)(
    'falls back when the span has %s',
    (_name, resource, profiled, gaps) => {
      const { root } = tracedRequest(resource, profiled);
      const state = parse(
        profilesLinkUrl(fromResourceAttributes(resourceAttributesContext(toGrafanaSpan(root), VIEW), 'span')!, SETTINGS)
      );
      expect(state.trace?.gaps).toEqual(gaps);
      expect(state.spanSelector).toEqual(profiled ? [root.spanContext().spanId] : undefined);
      expect(state.main.service).toBe(resource['service.name'] ?? '');
    }
  );

  it("opens a trace's profiled root spans over their whole time from the trace header", () => {
    const { root, spans } = tracedRequest();
    const state = parse(profilesLinkUrl(fromTraceView(traceView(spans))!, SETTINGS));

    expect(state.spanSelector).toEqual([root.spanContext().spanId]);
    expect(state.main.range).toEqual({ from: String(START_MS - 60_000), to: String(START_MS + 1500 + 60_000) });
    expect(state.trace).toEqual({
      traceId: root.spanContext().traceId,
      spanId: root.spanContext().spanId,
      spanName: 'GET /v1/reports/slow',
      datasource: 'tempo-uid',
      gaps: [],
    });
  });

  it('shows the first span’s service over the trace when no span is profiled', () => {
    const { spans } = tracedRequest({ 'service.name': 'trigs-api' }, false);
    const state = parse(profilesLinkUrl(fromTraceView(traceView(spans))!, { ...SETTINGS, padSeconds: 0 }));
    expect(state.spanSelector).toBeUndefined();
    expect(state.main.range).toEqual({ from: String(START_MS), to: String(START_MS + 1500) });
    expect(state.trace?.gaps).toEqual(['profileId']);
  });

  it('has no link where Grafana passes neither span times nor a range (the first trace view extension versions)', () => {
    const { root } = tracedRequest();
    const { timeRange: _range, ...context } = resourceAttributesContext(toGrafanaSpan(root), VIEW, true);
    expect(
      fromResourceAttributes(context as unknown as Parameters<typeof fromResourceAttributes>[0], 'span')
    ).toBeUndefined();
  });

  it('has no link for a trace without spans', () => {
    expect(fromTraceView({ traceID: '0af7651916cd43dd8448eb211c80319c', spans: [] })).toBeUndefined();
  });

  it.each([
    ['an end before the start', { startMs: 2, endMs: 1 }, SETTINGS, /start before its end/],
    ['a negative pad', { startMs: 1, endMs: 2 }, { ...SETTINGS, padSeconds: -1 }, /0 or more seconds/],
  ])('refuses %s with a message', (_name, times, settings, message) => {
    expect(() => profilesLinkUrl({ spanSelector: [], gaps: [], ...times }, settings)).toThrow(message);
  });
});
