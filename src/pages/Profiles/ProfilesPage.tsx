import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { config, PluginPage } from '@grafana/runtime';
import { Alert, EmptyState, LinkButton, useStyles2 } from '@grafana/ui';
import React, { useMemo, useRef, useState } from 'react';

import { absoluteState } from './domain/absoluteState';
import { buildDashboard } from './domain/buildDashboard';
import { flameGraphQueries, flameGraphRange } from './domain/buildQueries';
import { changeSide as changedState, type Side } from './domain/changeSide';
import type { ProfileSelection } from './domain/ProfilesState';
import { serviceChange } from './domain/serviceChange';
import { serialize } from './domain/urlState';
import { useProfilesState } from './domain/useProfilesState';
import { useSideRanges } from './domain/useSideRanges';
import { createDashboard } from './infrastructure/createDashboard';
import { useDataSources } from './infrastructure/useDataSources';
import { useDefaultChoices } from './infrastructure/useDefaultChoices';
import { useExports } from './infrastructure/useExports';
import { useFlameGraphs } from './infrastructure/useFlameGraphs';
import { useMetric } from './infrastructure/useMetric';
import { useServices } from './infrastructure/useServices';
import { useSideLabels } from './infrastructure/useSideLabels';
import { useTopSpans } from './infrastructure/useTopSpans';
import { useTracedSpans } from './infrastructure/useTracedSpans';
import { AddToDashboardModal } from './ui/AddToDashboardModal';
import { ExportMenu } from './ui/ExportMenu';
import { FlameGraphSection } from './ui/FlameGraphSection';
import { FlameGraphToolbar } from './ui/FlameGraphToolbar';
import { PageToolbar } from './ui/PageToolbar';
import { SidePanel } from './ui/SidePanel';
import { TopSpansSection } from './ui/TopSpansSection';
import { TraceOriginBar } from './ui/TraceOriginBar';

type Props = {
  /** The app's Tempo datasource (its settings), for the traces of the spans with the most CPU. */
  tempoDatasource?: string;
};

/**
 * The Profiles page: a service's profile metric over time and the flame graph of a range, or a diff of two
 * selections. Everything it shows is in its URL (domain/urlState.ts); its data comes from the chosen
 * datasource's queries and resources (README.md beside this file lists the requests).
 */
export function ProfilesPage({ tempoDatasource }: Props) {
  const styles = useStyles2(getStyles);
  const { state, actions } = useProfilesState();
  const { ranges, refresh } = useSideRanges(state);
  const isDiff = state.mode === 'diff';
  const ownComparisonRange = isDiff && ranges.comparison !== ranges.main;

  const { list: dataSources, datasource: loaded } = useDataSources(state.datasource);
  const datasource = loaded.status === 'done' ? loaded.value : undefined;
  const services = {
    main: useServices(datasource, ranges.main),
    comparison: useServices(ownComparisonRange ? datasource : undefined, ranges.comparison),
  };
  const servicesOf = (side: Side) =>
    side === 'comparison' && ownComparisonRange ? services.comparison : services.main;
  const labels = {
    main: useSideLabels(datasource, state.main.service, ranges.main),
    comparison: useSideLabels(datasource, state.comparison.service, ranges.comparison),
  };
  const metrics = {
    main: useMetric(datasource, state.main, ranges.main, 'metrics-baseline'),
    comparison: useMetric(isDiff ? datasource : undefined, state.comparison, ranges.comparison, 'metrics-comparison'),
  };
  const planned = useMemo(() => flameGraphQueries(state, ranges), [state, ranges]);
  const flameGraphs = useFlameGraphs(datasource, planned);
  const mainFlameGraphRange = useMemo(() => flameGraphRange(state.main, ranges.main), [state.main, ranges.main]);
  const topSpans = useTopSpans(isDiff ? undefined : datasource, state.main, mainFlameGraphRange);
  const tracesDatasource = tempoDatasource ?? state.trace?.datasource;
  const tracedSpans = useTracedSpans(
    isDiff ? undefined : datasource,
    tracesDatasource,
    state.main,
    mainFlameGraphRange,
    // Services without span labels have no span names, and no span's samples either.
    topSpans.status === 'done' && topSpans.value.length > 0
  );
  const spanSelector = state.spanSelector ?? [];
  const mainServices = services.main.status === 'done' ? services.main.value : undefined;
  useDefaultChoices(state, actions, dataSources, datasource?.uid, mainServices);

  const section = useRef<HTMLDivElement>(null);
  const exports = useExports(
    datasource,
    state,
    ranges,
    flameGraphs.status === 'done' ? flameGraphs.value : undefined,
    section
  );
  const [addingDashboard, setAddingDashboard] = useState(false);

  const changeSide = (side: Side) => (patch: Partial<ProfileSelection>) => {
    const known = servicesOf(side);
    const list = known.status === 'done' ? known.value : undefined;
    const withType = patch.service === undefined ? {} : serviceChange(patch.service, state[side].profileTypeId, list);
    if (
      side === 'main' &&
      spanSelector.length > 0 &&
      withType.service !== undefined &&
      withType.service !== state.main.service
    ) {
      // A span belongs to one service: another service's flame graph is all of it.
      actions.update({ ...changedState(state, side, { ...patch, ...withType }), spanSelector: undefined });
      return;
    }
    actions.updateSide(side, { ...patch, ...withType });
  };
  const sidePanel = (side: Side, title?: 'Baseline' | 'Comparison') => (
    <SidePanel
      side={state[side]}
      range={ranges[side]}
      services={servicesOf(side)}
      labels={labels[side]}
      metric={metrics[side]}
      onChange={changeSide(side)}
      title={title}
      baselineRange={side === 'comparison' ? state.main.range : undefined}
    />
  );

  if (dataSources.length === 0) {
    return (
      <PluginPage>
        <EmptyState
          variant="call-to-action"
          message="Add an Emberlabs Pyroscope data source to see profiles"
          button={
            <LinkButton icon="plus" href={`${config.appSubUrl}/connections/datasources/new`}>
              Add data source
            </LinkButton>
          }
        >
          The Profiles page reads flame graphs and profile metrics from Pyroscope (or Grafana Cloud Profiles) through an
          Emberlabs Pyroscope data source.
        </EmptyState>
      </PluginPage>
    );
  }

  return (
    <PluginPage>
      <div className={styles.page}>
        <PageToolbar
          dataSources={dataSources}
          datasource={state.datasource}
          onDataSource={(uid) => actions.update({ datasource: uid })}
          mode={state.mode}
          onMode={(mode) => actions.update({ mode })}
          range={ranges.main}
          onRange={(range) => actions.updateSide('main', { range })}
          onRefresh={refresh}
          isLoading={flameGraphs.status === 'loading'}
        />
        {loaded.status === 'failed' && (
          <Alert severity="error" title="The data source could not be loaded">
            {loaded.error}
          </Alert>
        )}
        {services.main.status === 'failed' && (
          <Alert severity="error" title="Pyroscope did not answer">
            {services.main.error}
          </Alert>
        )}
        {isDiff ? (
          <div className={styles.sides}>
            {sidePanel('main', 'Baseline')}
            {sidePanel('comparison', 'Comparison')}
          </div>
        ) : (
          sidePanel('main')
        )}
        {!isDiff && (state.trace || spanSelector.length > 0) && (
          <TraceOriginBar
            trace={state.trace}
            spanSelector={spanSelector}
            service={state.main.service}
            range={ranges.main}
            onWiden={() => actions.update({ spanSelector: undefined })}
          />
        )}
        <FlameGraphToolbar
          state={state}
          onChange={actions.update}
          link={() => `${window.location.origin}${window.location.pathname}?${serialize(absoluteState(state, ranges))}`}
          exportMenu={
            <ExportMenu
              pprof={exports.pprof}
              onJson={exports.json}
              onPng={exports.png}
              hasFlameGraph={flameGraphs.status === 'done'}
            />
          }
          onAddToDashboard={() => setAddingDashboard(true)}
          canAddToDashboard={planned.length > 0}
        />
        {exports.error && (
          <Alert severity="error" title="Export failed" onRemove={exports.clearError}>
            {exports.error}
          </Alert>
        )}
        <FlameGraphSection ref={section} state={state} flameGraphs={flameGraphs} />
        {!isDiff && (
          <TopSpansSection
            spans={topSpans}
            service={state.main.service}
            range={mainFlameGraphRange}
            tempoDatasource={tracesDatasource}
            tracedSpans={tracedSpans}
          />
        )}
        {addingDashboard && (
          <AddToDashboardModal
            defaultTitle={dashboardTitle(state.main, isDiff ? state.comparison : undefined)}
            onCreate={(title) => createDashboard(buildDashboard(state, ranges, title))}
            onDismiss={() => setAddingDashboard(false)}
          />
        )}
      </div>
    </PluginPage>
  );
}

function dashboardTitle(main: ProfileSelection, comparison?: ProfileSelection): string {
  const [name = '', sampleType = ''] = main.profileTypeId.split(':');
  const what = `${main.service || 'All services'} ${name} ${sampleType}`.trim();
  return comparison ? `${what} vs ${comparison.service || 'all services'}` : what;
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), overflowWrap: 'anywhere' }),
  sides: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(480px, 100%), 1fr))',
    gap: theme.spacing(2),
  }),
});
