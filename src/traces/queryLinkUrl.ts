import type { DataQuery } from '@grafana/schema';

import { PLUGIN_BASE_URL, ROUTES } from '../constants';
import { formatSelector } from '../datasource/selector/formatSelector';
import { parseSelector } from '../datasource/selector/parseSelector';
import type { ProfileQuery } from '../datasource/types';
import { parse, serialize } from '../pages/Profiles/domain/urlState';
import { spanIdOf } from './spanIdOf';

/**
 * The context of `grafana/explore/toolbar/action` and `grafana/dashboard/panel/menu` that we read: the
 * queries and the raw range (`now-1h`, or a DateTime whose valueOf() is epoch ms).
 */
export type QueryLinkContext = {
  targets?: DataQuery[];
  timeRange?: { from: unknown; to: unknown };
};

export type QueryLinkOptions = {
  /** Whether a query's datasource is ours (resolving uids and variables as Grafana does). */
  isOurs(datasource: DataQuery['datasource']): boolean;
  /** Template variables of the panel or Explore, applied to selector and profile type. */
  interpolate(text: string): string;
};

const SERVICE_LABEL = 'service_name';

/**
 * "Open in Profiles" for the first visible query of our datasource: the page with its service (an exact
 * `service_name` matcher), other matchers as filters, its profile type, span selector and range. Undefined
 * when no query is ours, so the link is not shown.
 */
export function queryLinkUrl(context: QueryLinkContext, options: QueryLinkOptions): string | undefined {
  const query = context.targets?.find((target) => !target.hide && options.isOurs(target.datasource)) as
    ProfileQuery | undefined;
  if (!query) {
    return undefined;
  }
  const parsed = parseSelector(options.interpolate(query.labelSelector ?? '{}'));
  const matchers = 'matchers' in parsed ? parsed.matchers : [];
  const service = matchers.find((matcher) => matcher.name === SERVICE_LABEL && matcher.operator === '=');
  const defaults = parse('');
  const main = {
    ...defaults.main,
    service: service?.value ?? '',
    profileTypeId: options.interpolate(query.profileTypeId ?? ''),
    filters: formatSelector(matchers.filter((matcher) => matcher !== service)),
    range: {
      from: rawEnd(context.timeRange?.from, defaults.main.range.from),
      to: rawEnd(context.timeRange?.to, defaults.main.range.to),
    },
  };
  const spanSelector = (query.spanSelector ?? []).flatMap((id) => spanIdOf(id) ?? []);
  const state = {
    ...defaults,
    datasource: query.datasource?.uid ? options.interpolate(query.datasource.uid) : '',
    main,
    comparison: main,
    ...(spanSelector.length > 0 ? { spanSelector } : {}),
  };
  return `${PLUGIN_BASE_URL}/${ROUTES.Profiles}?${serialize(state)}`;
}

/** A raw range end as the page's URL takes it: Grafana's text (`now-1h`) as is, a DateTime as epoch ms. */
function rawEnd(value: unknown, fallback: string): string {
  if (typeof value === 'string' && value !== '') {
    return value;
  }
  const ms = typeof value === 'object' && value !== null ? Number(value.valueOf()) : NaN;
  return Number.isFinite(ms) ? String(Math.round(ms)) : fallback;
}
