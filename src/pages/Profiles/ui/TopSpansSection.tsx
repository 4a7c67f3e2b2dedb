import { css } from '@emotion/css';
import type { GrafanaTheme2, TimeRange } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Alert, LinkButton, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import React from 'react';

import type { AsyncState } from '../../../shared/useAsync';
import { exploreSpanSearchUrl } from '../../../traces/exploreSpanSearchUrl';
import type { TopSpan } from '../domain/topSpans';
import type { TracedSpans } from '../infrastructure/useTracedSpans';
import { TracedSpansTable } from './TracedSpansTable';

type Props = {
  spans: AsyncState<TopSpan[]>;
  service: string;
  range: TimeRange;
  /** Where the traces are; none: the list has no links and says where to set one. */
  tempoDatasource: string | undefined;
  /** Single traced requests from that Tempo datasource; idle without one. */
  tracedSpans: AsyncState<TracedSpans>;
};

/**
 * "Spans with the most CPU": the service's root span names by their share of the range's profile, each
 * opening its traces of that range in Explore; with a Tempo datasource, below them the single traced
 * requests with the most CPU. Nothing for services without span labels.
 */
export function TopSpansSection({ spans, service, range, tempoDatasource, tracedSpans }: Props) {
  const styles = useStyles2(getStyles);
  if (spans.status === 'idle' || (spans.status === 'done' && spans.value.length === 0)) {
    return null;
  }
  const window = { fromMs: range.from.valueOf(), toMs: range.to.valueOf() };
  return (
    <section aria-label="Spans with the most CPU" className={styles.section}>
      <h4>Spans with the most CPU</h4>
      {spans.status === 'loading' && <LoadingPlaceholder text="Loading spans" />}
      {spans.status === 'failed' && (
        <Alert severity="error" title="The spans could not be loaded">
          {spans.error}
        </Alert>
      )}
      {spans.status === 'done' && (
        <table className={styles.table}>
          <tbody>
            {spans.value.map(({ spanName, share }) => (
              <tr key={spanName}>
                <td className={styles.name}>{spanName}</td>
                <td className={styles.share}>
                  <div className={styles.bar} style={{ width: `${Math.max(1, share * 100)}%` }} />
                  {(share * 100).toFixed(1)} %
                </td>
                <td>
                  {tempoDatasource && (
                    <LinkButton
                      size="sm"
                      variant="secondary"
                      icon="gf-traces"
                      aria-label={`Traces of ${spanName}`}
                      href={config.appSubUrl + exploreSpanSearchUrl(tempoDatasource, service, spanName, window)}
                    >
                      Traces
                    </LinkButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {spans.status === 'done' && !tempoDatasource && (
        <div className={styles.hint}>
          Choose a Tempo data source on the app&apos;s configuration page to open these spans&apos; traces.
        </div>
      )}
      {tempoDatasource && (
        <TracedSpansTable spans={tracedSpans} service={service} range={range} tempoDatasource={tempoDatasource} />
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  table: css({
    width: '100%',
    td: { padding: theme.spacing(0.5, 1), borderBottom: `1px solid ${theme.colors.border.weak}` },
  }),
  name: css({ fontFamily: theme.typography.fontFamilyMonospace, width: '45%' }),
  share: css({ position: 'relative', width: '40%' }),
  bar: css({
    position: 'absolute',
    inset: theme.spacing(0.5, 'auto', 0.5, 0),
    background: theme.colors.primary.transparent,
    borderRadius: theme.shape.radius.default,
  }),
  hint: css({ color: theme.colors.text.secondary }),
});
