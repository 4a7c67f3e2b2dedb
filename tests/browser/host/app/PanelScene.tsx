import React, { useEffect, useMemo, useRef, useState } from 'react';
import { lastValueFrom, from as fromPromise, isObservable } from 'rxjs';
import {
  CoreApp,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
  EventBusSrv,
  LoadingState,
  type PanelData,
  type TimeRange,
} from '@grafana/data';
import { type DataQuery } from '@grafana/schema';
import { PanelChrome } from '@grafana/ui';

import { plugin as panelPlugin } from '../../../../src/panel/module';
import { DEFAULT_OPTIONS } from '../../../../src/panel/types';
import { type PanelSpec } from '../hostSpec';
import { markReady, recordDataArrived, recordError, recordPainted } from './hostState';
import { watchFirstPaint } from './watchFirstPaint';

type Props = { spec: PanelSpec; datasource: DataSourceApi; timeRange: TimeRange };

/**
 * One dashboard panel of our panel plugin: its queries go through the datasource's own query() (and so
 * through /api/ds/query), and the frames reach the panel as PanelData, with the spec's options over the
 * defaults, as on a Grafana dashboard.
 */
export function PanelScene({ spec, datasource, timeRange }: Props) {
  const [data, setData] = useState<PanelData>({ state: LoadingState.Loading, series: [], timeRange });
  const eventBus = useMemo(() => new EventBusSrv(), []);
  const panelRef = useRef<HTMLDivElement>(null);
  const width = spec.width ?? 1200;
  const height = spec.height ?? 600;

  useEffect(() => {
    const request: DataQueryRequest<DataQuery> = {
      requestId: 'host-panel',
      app: CoreApp.Dashboard,
      interval: '15s',
      intervalMs: 15000,
      maxDataPoints: width,
      range: timeRange,
      scopedVars: {},
      startTime: Date.now(),
      timezone: 'utc',
      targets: spec.queries.map((query, index) => ({
        refId: String.fromCharCode(65 + index),
        datasource: { uid: datasource.uid, type: datasource.type },
        ...query,
      })),
    };
    const answer = datasource.query(request);
    let stopWatching = () => {};
    lastValueFrom(isObservable(answer) ? answer : fromPromise(answer)).then(
      (response: DataQueryResponse) => {
        recordDataArrived();
        setData({
          state: response.errors?.length ? LoadingState.Error : LoadingState.Done,
          series: response.data,
          errors: response.errors,
          timeRange,
        });
        stopWatching = watchFirstPaint(panelRef.current ?? document, recordPainted);
        requestAnimationFrame(() => requestAnimationFrame(markReady));
      },
      (error: Error) => {
        recordError(error);
        markReady();
      }
    );
    return () => stopWatching();
  }, [datasource, spec.queries, timeRange, width]);

  const Panel = panelPlugin.panel!;
  return (
    <div ref={panelRef} style={{ width, height, margin: 16 }} data-testid="host-panel">
      <PanelChrome
        title={spec.title ?? 'Flame graph'}
        width={width}
        height={height}
        loadingState={data.state}
        statusMessage={data.errors?.[0]?.message}
      >
        {(innerWidth, innerHeight) => (
          <Panel
            id={1}
            data={data}
            timeRange={timeRange}
            timeZone="utc"
            options={{ ...DEFAULT_OPTIONS, ...spec.options }}
            fieldConfig={{ defaults: {}, overrides: [] }}
            transparent={false}
            width={innerWidth}
            height={innerHeight}
            renderCounter={0}
            title={spec.title ?? 'Flame graph'}
            eventBus={eventBus}
            onOptionsChange={() => {}}
            onFieldConfigChange={() => {}}
            replaceVariables={(value) => value}
            onChangeTimeRange={() => {}}
          />
        )}
      </PanelChrome>
    </div>
  );
}
