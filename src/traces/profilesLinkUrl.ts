import { PLUGIN_BASE_URL, ROUTES } from '../constants';
import { parse, serialize } from '../pages/Profiles/domain/urlState';
import type { LinkSettings } from './LinkSettings';
import type { SpanLink } from './SpanLink';

/**
 * The Profiles page's URL for a span: its service and profile type over the span's window widened by the
 * pad on both sides (samples reach Pyroscope with the upload after they were taken, and clocks differ),
 * narrowed to the span's own samples when it has a profile id; plus the span and trace it came from.
 */
export function profilesLinkUrl(link: SpanLink, settings: LinkSettings): string {
  if (!Number.isFinite(link.startMs) || !Number.isFinite(link.endMs) || link.endMs < link.startMs) {
    throw new Error(`a span link needs a start before its end (epoch ms), got ${link.startMs} … ${link.endMs}`);
  }
  if (!Number.isFinite(settings.padSeconds) || settings.padSeconds < 0) {
    throw new Error(`the span window pad must be 0 or more seconds, got ${settings.padSeconds}`);
  }
  const padMs = settings.padSeconds * 1000;
  const defaults = parse('');
  const from = String(Math.floor(link.startMs - padMs));
  const to = String(Math.ceil(link.endMs + padMs));
  const main = {
    ...defaults.main,
    service: link.service ?? '',
    profileTypeId: settings.profileTypeId,
    range: { from, to },
  };
  const query = serialize({
    ...defaults,
    datasource: settings.datasourceUid ?? '',
    main,
    comparison: main,
    spanSelector: link.spanSelector,
    trace: {
      ...(link.traceId === undefined ? {} : { traceId: link.traceId }),
      ...(link.spanId === undefined ? {} : { spanId: link.spanId }),
      ...(link.spanName === undefined ? {} : { spanName: link.spanName }),
      ...(link.traceDatasource === undefined ? {} : { datasource: link.traceDatasource }),
      gaps: link.gaps,
    },
  });
  return `${PLUGIN_BASE_URL}/${ROUTES.Profiles}?${query}`;
}
