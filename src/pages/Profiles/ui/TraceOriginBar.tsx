import { css } from '@emotion/css';
import type { GrafanaTheme2, TimeRange } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Alert, Button, LinkButton, Stack, useStyles2 } from '@grafana/ui';
import React from 'react';

import { describeGap } from '../../../traces/describeGap';
import { exploreTraceUrl } from '../../../traces/exploreTraceUrl';
import type { TraceOrigin } from '../domain/ProfilesState';

type Props = {
  trace: TraceOrigin | undefined;
  spanSelector: string[];
  service: string;
  range: TimeRange;
  /** Drop the span selector: the whole service over the same window. */
  onWiden: () => void;
};

/**
 * Which span and trace the page shows (it was opened from a trace link), the way back to the trace in
 * Explore, widening to the whole service, and what the link had to fall back on.
 */
export function TraceOriginBar({ trace, spanSelector, service, range, onWiden }: Props) {
  const styles = useStyles2(getStyles);
  const spanId = trace?.spanId ?? spanSelector[0];
  const span = (
    <>
      {trace?.spanName && <strong>{trace.spanName} </strong>}
      {spanId && <code>{spanId}</code>}
    </>
  );
  const of = trace?.traceId ? (
    <>
      {' '}
      of trace <code>{trace.traceId}</code>
    </>
  ) : null;
  const backUrl =
    trace?.traceId && trace.datasource
      ? config.appSubUrl +
        exploreTraceUrl(trace.datasource, trace.traceId, { fromMs: range.from.valueOf(), toMs: range.to.valueOf() })
      : undefined;
  return (
    <section aria-label="Trace span">
      <Alert severity="info" title={spanSelector.length > 0 ? 'Span profile' : 'Service profile around a span'}>
        <div className={styles.body}>
          <div>
            {spanSelector.length > 0 ? (
              <>
                Only the samples of span{spanSelector.length > 1 ? `s ${spanSelector.join(', ')}: ` : ' '}
                {spanSelector.length > 1 ? null : span}
                {of} in {service || 'the service'}.
              </>
            ) : (
              <>
                Every sample of {service || 'the service'} around span {span}
                {of}.
              </>
            )}
          </div>
          {trace && trace.gaps.length > 0 && (
            <ul className={styles.gaps} aria-label="Link fallbacks">
              {trace.gaps.map((gap) => (
                <li key={gap}>{describeGap(gap)}</li>
              ))}
            </ul>
          )}
          <Stack gap={1}>
            {backUrl && (
              <LinkButton size="sm" icon="arrow-left" variant="secondary" href={backUrl}>
                Back to the trace
              </LinkButton>
            )}
            {spanSelector.length > 0 && (
              <Button size="sm" icon="expand-arrows" variant="secondary" onClick={onWiden}>
                Widen to the whole service
              </Button>
            )}
          </Stack>
        </div>
      </Alert>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  body: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  gaps: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
