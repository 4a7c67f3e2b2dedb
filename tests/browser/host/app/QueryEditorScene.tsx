import React, { useState } from 'react';
import { css } from '@emotion/css';
import { CoreApp, type DataSourceApi, type GrafanaTheme2, type TimeRange } from '@grafana/data';
import { type DataQuery } from '@grafana/schema';
import { useStyles2 } from '@grafana/ui';

import { plugin as datasourcePlugin } from '../../../../src/datasource/module';
import type { QueryEditorSpec } from '../hostSpec';
import { recordEditorChange, recordEditorRun } from './hostState';

type Props = { spec: QueryEditorSpec; datasource: DataSourceApi; timeRange: TimeRange };

/**
 * The datasource's query editor in a query row, as in a panel editor or Explore; changes are recorded for
 * tests. Like Grafana, it fills a query in with the datasource's defaults for that place.
 */
export function QueryEditorScene({ spec, datasource, timeRange }: Props) {
  const styles = useStyles2(getStyles);
  const app = spec.app === 'explore' ? CoreApp.Explore : CoreApp.PanelEditor;
  const [query, setQuery] = useState<DataQuery>(() => ({
    refId: 'A',
    ...datasource.getDefaultQuery?.(app),
    ...spec.query,
  }));
  const QueryEditor = datasourcePlugin.components.QueryEditor!;
  return (
    <section className={styles.row} aria-label="Query editor row A">
      <header className={styles.header}>
        <span className={styles.refId}>{query.refId}</span>
        <span className={styles.datasource}>({datasource.name})</span>
      </header>
      <div className={styles.body}>
        <QueryEditor
          datasource={datasource as never}
          query={query as never}
          range={timeRange}
          app={app}
          onChange={(next: DataQuery) => {
            recordEditorChange(next);
            setQuery(next);
          }}
          onRunQuery={recordEditorRun}
        />
      </div>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    margin: theme.spacing(2),
  }),
  header: css({
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'center',
    padding: theme.spacing(0.5, 1),
    background: theme.colors.background.secondary,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  refId: css({ color: theme.colors.primary.text, fontWeight: theme.typography.fontWeightMedium }),
  datasource: css({ color: theme.colors.text.secondary, fontStyle: 'italic' }),
  body: css({ padding: theme.spacing(1) }),
});
