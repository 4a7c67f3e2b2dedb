import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';

type Props = { title: string; detail?: string; warning?: boolean };

/** A centred message in place of the flame graph, styled like Grafana's own "No data". */
export function PanelMessage({ title, detail, warning }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.container} role="status">
      <div className={styles.title}>
        {warning && <Icon name="exclamation-triangle" className={styles.icon} />}
        {title}
      </div>
      {detail && <div className={styles.detail}>{detail}</div>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    height: '100%',
    padding: theme.spacing(2),
    textAlign: 'center',
    gap: theme.spacing(1),
  }),
  title: css({ fontSize: theme.typography.h5.fontSize, color: theme.colors.text.secondary }),
  detail: css({ maxWidth: 640, color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  icon: css({ marginRight: theme.spacing(1), color: theme.colors.warning.text }),
});
