import { flameGraphDiffToFrame } from '../frames/flameGraphDiffToFrame';
import { flameGraphToFrame } from '../frames/flameGraphToFrame';
import { seriesToFrames } from '../frames/seriesToFrames';
import type { Logger } from '../grpc/hclogLogger';
import type { DataQuery, DataResponse, Frame, FrameNotice, QueryDataRequest, QueryDataResponse } from '../plugin/types';
import { PyroscopeError } from '../pyroscope/PyroscopeError';
import type { MergeRequest, ProfileQuerier, SeriesRequest } from '../pyroscope/types';
import type { DatasourceSettings } from '../settings/DatasourceSettings';
import { errorResponse } from './errorResponse';
import { isoTime } from './isoTime';
import { metricsStep } from './metricsStep';
import type { DiffQuery, ProfileSelection, SelectionQuery } from './ParsedQuery';
import { parseQuery } from './parseQuery';
import { QueryError } from './QueryError';

type Context = { querier: ProfileQuerier; settings: DatasourceSettings; signal: AbortSignal };

/**
 * Answers every query of the request, concurrently and independently: one query's failure becomes that
 * query's error response and never touches the others; nothing throws. `profile` → flame graph frame,
 * `metrics` → one series frame per label set, `both` → the flame graph first, then the series, `diff` →
 * diff flame graph frame. An empty range is an answer, not an error: its frame carries an info notice.
 */
export async function queryData(
  request: QueryDataRequest,
  querier: ProfileQuerier,
  settings: DatasourceSettings,
  signal: AbortSignal,
  logger?: Pick<Logger, 'error'>
): Promise<QueryDataResponse> {
  const context = { querier, settings, signal };
  const answers = await Promise.all(
    request.queries.map(async (query) => [query.refId, await answer(query, context, logger)] as const)
  );
  return { responses: Object.fromEntries(answers) };
}

async function answer(query: DataQuery, context: Context, logger?: Pick<Logger, 'error'>): Promise<DataResponse> {
  try {
    const parsed = parseQuery(query);
    if (parsed instanceof QueryError) {
      return errorResponse(parsed, query.refId);
    }
    const frames =
      parsed.queryType === 'diff' ? [await diffFrame(parsed, context)] : await selectionFrames(parsed, context);
    return { frames, status: 200 };
  } catch (error) {
    if (!(error instanceof PyroscopeError) && !(error instanceof QueryError)) {
      logger?.error('query failed unexpectedly', {
        refId: query.refId,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    return errorResponse(error, query.refId);
  }
}

async function selectionFrames(query: SelectionQuery, context: Context): Promise<Frame[]> {
  const [profile, series] = await Promise.all([
    query.queryType === 'metrics' ? [] : profileFrame(query, context).then((frame) => [frame]),
    query.queryType === 'profile' ? [] : seriesFrames(query, context),
  ]);
  return [...profile, ...series];
}

async function profileFrame(query: SelectionQuery, { querier, settings, signal }: Context): Promise<Frame> {
  const spans = query.spanSelector.length > 0;
  // Samples of a span land in the profile uploaded after it ended, and clocks differ: widen the window.
  const pad = spans ? settings.spanWindowPadMs : 0;
  const request: MergeRequest = {
    profileTypeId: query.profileTypeId,
    labelSelector: query.labelSelector,
    window: { startMs: query.timeRange.fromMs - pad, endMs: query.timeRange.toMs + pad },
    maxNodes: query.maxNodes,
    ...(spans ? { spanSelector: query.spanSelector } : {}),
  };
  const frame = flameGraphToFrame(await querier.mergeStacktraces(request, signal), query.profileTypeId, query.refId);
  const empty = rootValue(frame, 'value') === 0;
  const spanNote = spans ? `span ${query.spanSelector.join(', ')} of ` : '';
  return withMeta(frame, {
    executedQueryString: describeMerge(request),
    notices: empty ? [noProfiles(`${spanNote}${describeSelection(query)}`, spans)] : [],
  });
}

async function seriesFrames(query: SelectionQuery, { querier, settings, signal }: Context): Promise<Frame[]> {
  const { fromMs, toMs } = query.timeRange;
  const stepSeconds = metricsStep(toMs - fromMs, query.intervalMs, settings.minStepSeconds);
  const request: SeriesRequest = {
    profileTypeId: query.profileTypeId,
    labelSelector: query.labelSelector,
    window: { startMs: fromMs, endMs: toMs },
    stepSeconds,
    groupBy: query.groupBy,
    ...(query.limit ? { limit: query.limit } : {}),
  };
  const series = await querier.selectSeries(request, signal);
  const options = { stepSeconds, groupBy: query.groupBy, labelSelector: query.labelSelector };
  const executedQueryString = describeSeries(request);
  if (series.length === 0) {
    // One empty frame keeps the unit and carries the notice; panels still show "No data".
    const [frame] = seriesToFrames([{ labels: {}, points: [] }], query.profileTypeId, query.refId, options);
    return [withMeta(frame!, { executedQueryString, notices: [noProfiles(describeSelection(query), false)] })];
  }
  return seriesToFrames(series, query.profileTypeId, query.refId, options).map((frame) =>
    withMeta(frame, { executedQueryString })
  );
}

async function diffFrame(query: DiffQuery, { querier, signal }: Context): Promise<Frame> {
  const left = mergeRequest(query.baseline, query.maxNodes);
  const right = mergeRequest(query.comparison, query.maxNodes);
  const frame = flameGraphDiffToFrame(
    await querier.diff(left, right, signal),
    query.baseline.profileTypeId,
    query.refId
  );
  const notices: FrameNotice[] = [];
  if (rootValue(frame, 'value') === 0) {
    notices.push(noProfiles(`the baseline ${describeSelection(query.baseline)}`, false));
  }
  if (rootValue(frame, 'valueRight') === 0) {
    notices.push(noProfiles(`the comparison ${describeSelection(query.comparison)}`, false));
  }
  return withMeta(frame, {
    executedQueryString: `Diff left (baseline): ${describeMerge(left)}; right (comparison): ${describeMerge(right)}`,
    notices,
    custom: { ...frame.meta?.custom, baseline: query.baseline, comparison: query.comparison },
  });
}

function mergeRequest(selection: ProfileSelection, maxNodes: number): MergeRequest {
  const { profileTypeId, labelSelector, timeRange } = selection;
  return { profileTypeId, labelSelector, window: { startMs: timeRange.fromMs, endMs: timeRange.toMs }, maxNodes };
}

/** The root's total (row 0) of a nested-set frame's value column. */
function rootValue(frame: Frame, field: 'value' | 'valueRight'): unknown {
  return frame.fields.find((f) => f.name === field)?.values[0];
}

function withMeta(frame: Frame, meta: Partial<NonNullable<Frame['meta']>>): Frame {
  const merged = { ...frame.meta, ...meta };
  if (merged.notices?.length === 0) {
    delete merged.notices;
  }
  return { ...frame, meta: merged };
}

function noProfiles(what: string, spans: boolean): FrameNotice {
  const check = spans
    ? 'check that the agent is running, that it labels samples with span_id, and the time range'
    : 'check that the agent is running and the time range';
  return { severity: 'info', text: `No profiles for ${what} in this range; ${check}` };
}

function describeSelection(selection: ProfileSelection): string {
  return `${selection.labelSelector} (${selection.profileTypeId})`;
}

function describeMerge(request: MergeRequest): string {
  const spans = request.spanSelector ? ` spanSelector=[${request.spanSelector.join(',')}]` : '';
  return `SelectMergeStacktraces profileTypeID=${request.profileTypeId} labelSelector=${request.labelSelector} ${describeWindow(request)} maxNodes=${request.maxNodes}${spans}`;
}

function describeSeries(request: SeriesRequest): string {
  const limit = request.limit ? ` limit=${request.limit}` : '';
  return `SelectSeries profileTypeID=${request.profileTypeId} labelSelector=${request.labelSelector} ${describeWindow(request)} step=${request.stepSeconds}s groupBy=[${request.groupBy.join(',')}]${limit}`;
}

function describeWindow({ window }: { window: { startMs: number; endMs: number } }): string {
  return `start=${isoTime(window.startMs)} end=${isoTime(window.endMs)}`;
}
