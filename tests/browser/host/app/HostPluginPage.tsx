import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { type PluginPageProps } from '@grafana/runtime';
import { Icon, useStyles2 } from '@grafana/ui';

/** Grafana's page frame for app pages (what setPluginPage gets in Grafana): title, actions, padded body. */
export function HostPluginPage({ pageNav, subTitle, actions, renderTitle, children }: PluginPageProps) {
  const styles = useStyles2(getStyles);
  const title = pageNav?.text ?? 'Profiles';
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          {pageNav?.icon && <Icon name={pageNav.icon} size="xl" />}
          {renderTitle ? renderTitle(title) : <h1 className={styles.title}>{title}</h1>}
          {actions && <div className={styles.actions}>{actions}</div>}
        </div>
        {(subTitle ?? pageNav?.subTitle) && <div className={styles.subTitle}>{subTitle ?? pageNav?.subTitle}</div>}
      </header>
      <div className={styles.body}>{children}</div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', minHeight: '100%', padding: theme.spacing(2, 3) }),
  header: css({ marginBottom: theme.spacing(2) }),
  titleRow: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1.5) }),
  title: css({ margin: 0, fontSize: theme.typography.h2.fontSize }),
  actions: css({ marginLeft: 'auto', display: 'flex', gap: theme.spacing(1) }),
  subTitle: css({ color: theme.colors.text.secondary, marginTop: theme.spacing(1) }),
  body: css({ flexGrow: 1, display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
});
