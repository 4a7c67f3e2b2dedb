import { createDataFrame, dataFrameToJSON, type DataFrame, FieldType } from '@grafana/data';
import {
  type BackendSrvRequest,
  type DataSourceSrv,
  locationService,
  setBackendSrv,
  setDataSourceSrv,
} from '@grafana/runtime';
import { render, screen, waitFor } from '@testing-library/react';
import React, { useLayoutEffect, useState } from 'react';
import { Router } from 'react-router-dom';

import { fakeBackendSrv, type Answer } from '../../datasource/testing/fakeBackendSrv';
import { testDataSource } from '../../datasource/testing/testDataSource';
import { ProfilesPage } from './ProfilesPage';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const cpu = {
  id: CPU,
  name: 'process_cpu',
  sampleType: 'cpu',
  sampleUnit: 'nanoseconds',
  periodType: 'cpu',
  periodUnit: 'nanoseconds',
  label: 'process_cpu - cpu',
};
const PATH = '/a/emberlabs-profiles-app/profiles';
// The page loads in steps (datasource, services, queries), each a render of many @grafana/ui components.
const SLOW = { timeout: 10_000 };
jest.setTimeout(30_000);

/** The page under Grafana's router, bound to locationService as in Grafana. */
function PageHost() {
  const history = locationService.getHistory();
  const [location, setLocation] = useState(history.location);
  // Subscribed before the page's effects run, as Grafana's router is.
  useLayoutEffect(() => history.listen((next: typeof history.location) => setLocation(next)), [history]);
  return (
    <Router location={location} navigator={history}>
      <ProfilesPage />
    </Router>
  );
}

type QueryBody = { queries: Array<{ refId: string; queryType: string; labelSelector: string; profileTypeId: string }> };

/** Grafana's answers: resources by path, /api/ds/query by `frames(refId)` (a string: that query fails). */
function serve(frames: (refId: string) => DataFrame[] | string) {
  const ds = testDataSource();
  setDataSourceSrv({
    getList: () => [ds.datasourceInstanceSettings],
    get: async () => ds,
    getInstanceSettings: () => ds.datasourceInstanceSettings,
  } as unknown as DataSourceSrv);
  const { backendSrv, requests } = fakeBackendSrv((request: BackendSrvRequest): Answer => {
    if (request.url.startsWith('/api/ds/query')) {
      const results: Record<string, unknown> = {};
      let status = 200;
      for (const { refId } of (request.data as QueryBody).queries) {
        const answer = frames(refId);
        if (typeof answer === 'string') {
          status = 400;
          results[refId] = { status: 400, error: answer, errorSource: 'downstream' };
        } else {
          results[refId] = { status: 200, frames: answer.map(dataFrameToJSON) };
        }
      }
      return { status, data: { results } };
    }
    if (request.url.endsWith('/resources/services')) {
      return {
        data: [
          { name: 'cart', profileTypes: [cpu] },
          { name: 'checkout', profileTypes: [cpu] },
        ],
      };
    }
    return { data: [] };
  });
  setBackendSrv(backendSrv);
  const queries = () =>
    requests
      .filter((request) => request.url.startsWith('/api/ds/query'))
      .flatMap((request) => (request.data as QueryBody).queries);
  return { requests, queries };
}

const nothingInRange = () =>
  createDataFrame({
    name: 'response',
    fields: [
      { name: 'label', type: FieldType.string, values: ['total'] },
      { name: 'level', type: FieldType.number, values: [0] },
      { name: 'value', type: FieldType.number, values: [0] },
      { name: 'self', type: FieldType.number, values: [0] },
    ],
  });

beforeAll(() => {
  // @grafana/ui's Combobox measures its text with a canvas.
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({
    measureText: (text: string) => ({ width: text.length * 7 }),
  } as unknown as CanvasRenderingContext2D);
});

beforeEach(() => {
  window.localStorage.clear();
  locationService.push(PATH);
});

describe('ProfilesPage', () => {
  it("opens on the first service's CPU profile and puts every choice in the URL", async () => {
    const { queries } = serve(() => [nothingInRange()]);
    render(<PageHost />);
    await waitFor(
      () => expect(locationService.getSearchObject()).toMatchObject({ ds: 'profiles-uid', service: 'cart', type: CPU }),
      SLOW
    );
    await waitFor(
      () =>
        expect(
          queries()
            .map((q) => q.queryType)
            .sort()
        ).toEqual(['metrics', 'profile']),
      SLOW
    );
    expect(queries().find((q) => q.queryType === 'profile')).toMatchObject({
      labelSelector: '{service_name="cart"}',
      profileTypeId: CPU,
    });
    expect(window.localStorage.getItem('emberlabs-profiles-app.datasource')).toBe('profiles-uid');
  });

  it('says what to check when the range has no profiles', async () => {
    serve(() => [nothingInRange()]);
    render(<PageHost />);
    expect(
      await screen.findByText(
        /No profiles for cart in this range — check that the agent is running and sends to this Pyroscope/,
        {},
        SLOW
      )
    ).toBeInTheDocument();
  });

  it("shows the backend's message when the flame graph query fails", async () => {
    serve((refId) => (refId === 'profile' ? 'labelSelector: expected "," or "}" at position 12' : []));
    locationService.push(`${PATH}?service=checkout&type=${CPU}&filters=${encodeURIComponent('{env="prod"')}`);
    render(<PageHost />);
    expect(await screen.findByText('The flame graph could not be loaded', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText(/labelSelector: expected "," or "}" at position 12/)).toBeInTheDocument();
  });

  it('asks for one diff query comparing two services', async () => {
    const { queries } = serve(() => [nothingInRange()]);
    locationService.push(`${PATH}?ds=profiles-uid&mode=diff&service=checkout&type=${CPU}&cmp.service=cart`);
    render(<PageHost />);
    await waitFor(() => expect(queries().some((q) => q.queryType === 'diff')).toBe(true), SLOW);
    expect(queries().find((q) => q.queryType === 'diff')).toMatchObject({
      labelSelector: '{service_name="checkout"}',
      comparison: { labelSelector: '{service_name="cart"}', profileTypeId: CPU },
    });
    expect(screen.getByRole('region', { name: 'Baseline' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Comparison' })).toBeInTheDocument();
  });

  it('asks to add a datasource when there is none', () => {
    setDataSourceSrv({ getList: () => [] } as unknown as DataSourceSrv);
    render(<PageHost />);
    expect(screen.getByText('Add an Emberlabs Pyroscope data source to see profiles')).toBeInTheDocument();
  });
});
