import { css } from '@emotion/css';
import { formattedValueToString, getValueFormat, type GrafanaTheme2, type TimeRange } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Alert, LinkButton, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import React from 'react';

import type { AsyncState } from '../../../shared/useAsync';
import { exploreTraceUrl } from '../../../traces/exploreTraceUrl';
import { sampleTotalText } from '../domain/sampleTotalText';
import type { TracedSpans } from '../infrastructure/useTracedSpans';

type Props = {
  spans: AsyncState<TracedSpans>;
  service: string;
  range: TimeRange;
  tempoDatasource: string;
};

/**
 * "Traced requests with the most CPU": single spans of the service found in Tempo, by their own samples,
 * each opening its trace in Explore. Failures stay inside this part: the span names above keep working.
 */
export function TracedSpansTable({ spans, service, range, tempoDatasource }: Props) {
  const styles = useStyles2(getStyles);
  if (spans.status === 'idle') {
    return null;
  }
  const window = { fromMs: range.from.valueOf(), toMs: range.to.valueOf() };
  return (
    <section aria-label="Traced requests with the most CPU" className={styles.section}>
      <h5>Traced requests with the most CPU</h5>
      {spans.status === 'loading' && <LoadingPlaceholder text="Finding traced requests in Tempo" />}
      {spans.status === 'failed' && (
        <Alert severity="warning" title="The traced requests could not be loaded">
          {spans.error}. The span names above still open their traces.
        </Alert>
      )}
      {spans.status === 'done' && spans.value.found === 0 && (
        <div className={styles.hint}>No traced requests of {service} in this range.</div>
      )}
      {spans.status === 'done' && spans.value.found > 0 && spans.value.top.length === 0 && (
        <div className={styles.hint}>
          None of the {spans.value.found} traced requests of {service} in this range has samples of its own (requests
          much shorter than 20 ms may have none).
        </div>
      )}
      {spans.status === 'done' && spans.value.top.length > 0 && (
        <>
          <div className={styles.hint}>
            Of the {spans.value.found} traced requests Tempo found in this range, by their own samples; share of the
            service&apos;s.
          </div>
          <table className={styles.table}>
            <thead>
              <tr>
                <th>Span</th>
                <th>Trace</th>
                <th>Duration</th>
                <th>CPU</th>
                <th>Share</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {spans.value.top.map((span) => (
                <tr key={span.spanId}>
                  <td className={styles.mono}>{span.name || `span ${span.spanId}`}</td>
                  <td className={styles.mono} title={span.traceId}>
                    {span.traceId.slice(0, 8)}
                  </td>
                  <td>{formattedValueToString(getValueFormat('ms')(span.durationMs))}</td>
                  <td>{sampleTotalText(span.total, spans.value.unit)}</td>
                  <td>{(span.share * 100).toFixed(1)} %</td>
                  <td>
                    <LinkButton
                      size="sm"
                      variant="secondary"
                      icon="gf-traces"
                      aria-label={`Trace ${span.traceId}`}
                      href={config.appSubUrl + exploreTraceUrl(tempoDatasource, span.traceId, window)}
                    >
                      Trace
                    </LinkButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), marginTop: theme.spacing(2) }),
  table: css({
    width: '100%',
    'th, td': { padding: theme.spacing(0.5, 1), borderBottom: `1px solid ${theme.colors.border.weak}` },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium, textAlign: 'left' },
  }),
  mono: css({ fontFamily: theme.typography.fontFamilyMonospace }),
  hint: css({ color: theme.colors.text.secondary }),
});
