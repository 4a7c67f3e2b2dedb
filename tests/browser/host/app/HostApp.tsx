import React, { Component, type ReactNode, useMemo } from 'react';
import { type DataSourceApi, rangeUtil } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Alert, GlobalStyles, ThemeContext } from '@grafana/ui';

import { type HostSpec } from '../hostSpec';
import { AppScene } from './AppScene';
import { HistoryRouter } from './HistoryRouter';
import { recordError } from './hostState';
import { PanelScene } from './PanelScene';
import { QueryEditorScene } from './QueryEditorScene';

type Props = { spec: HostSpec; datasource: DataSourceApi };

/** Grafana's frame around whatever the spec asks for: theme, global styles and fonts, router. */
export function HostApp({ spec, datasource }: Props) {
  const timeRange = useMemo(() => rangeUtil.convertRawToRange(spec.timeRange ?? { from: 'now-1h', to: 'now' }), [spec]);
  let scene: ReactNode;
  if (spec.panel) {
    scene = <PanelScene spec={spec.panel} datasource={datasource} timeRange={timeRange} />;
  } else if (spec.queryEditor) {
    scene = <QueryEditorScene spec={spec.queryEditor} datasource={datasource} timeRange={timeRange} />;
  } else {
    scene = <AppScene />;
  }
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <HistoryRouter>
        <ErrorBoundary>{scene}</ErrorBoundary>
      </HistoryRouter>
    </ThemeContext.Provider>
  );
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error) {
    recordError(error);
  }

  render() {
    return this.state.error ? (
      <Alert severity="error" title="The host caught a render error">
        {this.state.error.message}
      </Alert>
    ) : (
      this.props.children
    );
  }
}
