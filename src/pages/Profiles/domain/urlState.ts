import { DEFAULT_MAX_NODES } from '../../../datasource/types';
import {
  DEFAULT_FILTERS,
  DEFAULT_RANGE,
  type EpochSpan,
  type ProfileSelection,
  type ProfilesState,
} from './ProfilesState';
import { readTraceParams, writeTraceParams } from './traceParams';

const MAX_MAX_NODES = 1048576;

/** The URL parameters of one side: the baseline's bare, the comparison's prefixed with `cmp.`. */
const SIDE_KEYS = {
  service: 'service',
  profileTypeId: 'type',
  filters: 'filters',
  from: 'from',
  to: 'to',
  selectionFrom: 'selFrom',
  selectionTo: 'selTo',
} as const;
const COMPARISON_PREFIX = 'cmp.';

/**
 * The page's state from its URL (or just the query string). Anything missing or unreadable takes its
 * default, so every link opens something. In a diff, a comparison part the URL does not name follows the
 * baseline's (service, profile type, filters, range); its flame graph selection is its own.
 */
export function parse(url: string): ProfilesState {
  const params = new URLSearchParams(queryString(url));
  const text = (key: string) => params.get(key) ?? undefined;
  const main: ProfileSelection = {
    service: text(SIDE_KEYS.service) ?? '',
    profileTypeId: text(SIDE_KEYS.profileTypeId) ?? '',
    filters: text(SIDE_KEYS.filters) || DEFAULT_FILTERS,
    range: { from: text(SIDE_KEYS.from) || DEFAULT_RANGE.from, to: text(SIDE_KEYS.to) || DEFAULT_RANGE.to },
    ...selectionOf(params, ''),
  };
  const mode = text('mode') === 'diff' ? 'diff' : 'single';
  const cmp = (key: string) => (mode === 'diff' ? text(COMPARISON_PREFIX + key) : undefined);
  const comparison: ProfileSelection = {
    service: cmp(SIDE_KEYS.service) ?? main.service,
    profileTypeId: cmp(SIDE_KEYS.profileTypeId) ?? main.profileTypeId,
    filters: cmp(SIDE_KEYS.filters) || main.filters,
    range: { from: cmp(SIDE_KEYS.from) || main.range.from, to: cmp(SIDE_KEYS.to) || main.range.to },
    ...(mode === 'diff' ? selectionOf(params, COMPARISON_PREFIX) : {}),
  };
  const maxNodes = Number(text('maxNodes'));
  return {
    datasource: text('ds') ?? '',
    mode,
    main,
    comparison,
    diffView: text('view') === 'sideBySide' ? 'sideBySide' : 'diff',
    colorScale: text('colors') === 'absolute' ? 'absolute' : 'relative',
    maxNodes: Number.isInteger(maxNodes) && maxNodes >= 1 && maxNodes <= MAX_MAX_NODES ? maxNodes : DEFAULT_MAX_NODES,
    ...readTraceParams(params),
  };
}

/** The state as a query string (without `?`); defaults are left out, and parse(serialize(s)) is s. */
export function serialize(state: ProfilesState): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined, omitWhen?: string) => {
    if (value !== undefined && value !== omitWhen) {
      params.set(key, value);
    }
  };
  set('ds', state.datasource, '');
  if (state.mode === 'diff') {
    params.set('mode', 'diff');
  }
  const { main, comparison } = state;
  set(SIDE_KEYS.from, main.range.from);
  set(SIDE_KEYS.to, main.range.to);
  set(SIDE_KEYS.service, main.service, '');
  set(SIDE_KEYS.profileTypeId, main.profileTypeId, '');
  set(SIDE_KEYS.filters, main.filters, DEFAULT_FILTERS);
  setSelection(params, '', main.selection);
  if (state.mode === 'diff') {
    const key = (name: string) => COMPARISON_PREFIX + name;
    set(key(SIDE_KEYS.service), comparison.service, main.service);
    set(key(SIDE_KEYS.profileTypeId), comparison.profileTypeId, main.profileTypeId);
    set(key(SIDE_KEYS.filters), comparison.filters, main.filters);
    set(key(SIDE_KEYS.from), comparison.range.from, main.range.from);
    set(key(SIDE_KEYS.to), comparison.range.to, main.range.to);
    setSelection(params, COMPARISON_PREFIX, comparison.selection);
    set('view', state.diffView, 'diff');
    set('colors', state.colorScale, 'relative');
  }
  set('maxNodes', String(state.maxNodes), String(DEFAULT_MAX_NODES));
  writeTraceParams(params, state);
  return params.toString();
}

function queryString(url: string): string {
  const withoutHash = url.split('#')[0] ?? '';
  const question = withoutHash.indexOf('?');
  return question >= 0 ? withoutHash.slice(question + 1) : withoutHash;
}

function selectionOf(params: URLSearchParams, prefix: string): { selection?: EpochSpan } {
  const from = Number(params.get(prefix + SIDE_KEYS.selectionFrom) ?? NaN);
  const to = Number(params.get(prefix + SIDE_KEYS.selectionTo) ?? NaN);
  return Number.isSafeInteger(from) && Number.isSafeInteger(to) && from < to ? { selection: { from, to } } : {};
}

function setSelection(params: URLSearchParams, prefix: string, selection: EpochSpan | undefined) {
  if (selection) {
    params.set(prefix + SIDE_KEYS.selectionFrom, String(Math.round(selection.from)));
    params.set(prefix + SIDE_KEYS.selectionTo, String(Math.round(selection.to)));
  }
}
