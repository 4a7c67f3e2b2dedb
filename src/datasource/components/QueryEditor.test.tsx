import { dateTime } from '@grafana/data';
import { setBackendSrv } from '@grafana/runtime';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React, { useState } from 'react';

import { fakeBackendSrv } from '../testing/fakeBackendSrv';
import { prepareComboboxes, selectOption } from '../testing/selectOption';
import { testDataSource } from '../testing/testDataSource';
import type { ProfileQuery } from '../types';
import { QueryEditor } from './QueryEditor';

const range = { from: dateTime(1767225600000), to: dateTime(1767229200000), raw: { from: 'now-1h', to: 'now' } };

const RESOURCES: Record<string, unknown> = {
  'profile-types': [
    { id: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds', label: 'process_cpu - cpu' },
    { id: 'memory:alloc_space:bytes:space:bytes', label: 'memory - alloc_space' },
  ],
  'label-names': ['pod', 'service_name'],
  'label-values': ['checkout', 'cart'],
};

/** The editor as Grafana hosts it: the query lives outside, every change comes back in. */
async function renderEditor(initial: ProfileQuery) {
  const { backendSrv, requests } = fakeBackendSrv((request) => ({
    data: RESOURCES[request.url.split('/resources/')[1] ?? ''],
  }));
  setBackendSrv(backendSrv);
  const changes: ProfileQuery[] = [];
  const onRunQuery = jest.fn();
  const datasource = testDataSource();
  function Host() {
    const [query, setQuery] = useState(initial);
    return (
      <QueryEditor
        datasource={datasource}
        query={query}
        range={range}
        onRunQuery={onRunQuery}
        onChange={(next) => {
          changes.push(next);
          setQuery(next);
        }}
      />
    );
  }
  render(<Host />);
  // Let the profile types (fetched on mount) arrive.
  await act(() => Promise.resolve());
  return { changes, onRunQuery, requests, last: () => changes[changes.length - 1] };
}

prepareComboboxes();

describe('QueryEditor', () => {
  it('picks a profile type offered by the backend for the time range and runs the query', async () => {
    const editor = await renderEditor({ refId: 'A', queryType: 'profile', labelSelector: '{}' });
    await selectOption('Profile type', 'memory - alloc_space');
    expect(editor.last()?.profileTypeId).toBe('memory:alloc_space:bytes:space:bytes');
    expect(editor.onRunQuery).toHaveBeenCalled();
    expect(editor.requests[0]).toMatchObject({
      url: '/api/datasources/uid/profiles-uid/resources/profile-types',
      params: { from: 1767225600000, to: 1767229200000 },
    });
  });

  it('shows the name of the current profile type', async () => {
    await renderEditor({ refId: 'A', profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' });
    expect(screen.getByLabelText('Profile type')).toHaveValue('process_cpu - cpu');
  });

  it('builds the label selector with completed names and values', async () => {
    const editor = await renderEditor({ refId: 'A', queryType: 'profile', labelSelector: '{}' });
    fireEvent.click(screen.getByRole('button', { name: 'Add a filter to Label selector' }));
    await selectOption('Label selector 1 label', 'service_name');
    await selectOption('Label selector 1 value', 'checkout');
    expect(editor.last()?.labelSelector).toBe('{service_name="checkout"}');
    const valuesRequest = editor.requests.find((r) => r.url.endsWith('label-values'));
    expect(valuesRequest?.params).toMatchObject({ label: 'service_name', selector: '{}' });
  });

  it('edits the selector as text in code mode', async () => {
    const editor = await renderEditor({ refId: 'A', queryType: 'profile', labelSelector: '{}' });
    fireEvent.click(screen.getByLabelText('Code'));
    const input = screen.getByLabelText('Label selector');
    fireEvent.change(input, { target: { value: '{service_name=~"check.*"}' } });
    fireEvent.blur(input);
    expect(editor.last()?.labelSelector).toBe('{service_name=~"check.*"}');
  });

  it('offers group by and limit for metrics, max nodes and span IDs for profiles', async () => {
    const editor = await renderEditor({ refId: 'A', queryType: 'metrics', labelSelector: '{}' });
    expect(screen.queryByLabelText('Max nodes')).not.toBeInTheDocument();
    await selectOption('Group by', 'pod');
    expect(editor.last()?.groupBy).toEqual(['pod']);
    const limit = screen.getByLabelText('Limit');
    fireEvent.change(limit, { target: { value: '10' } });
    fireEvent.blur(limit);
    expect(editor.last()?.limit).toBe(10);

    fireEvent.click(screen.getByLabelText('Profile'));
    expect(editor.last()?.queryType).toBe('profile');
    expect(screen.queryByLabelText('Group by')).not.toBeInTheDocument();
    const maxNodes = screen.getByLabelText('Max nodes');
    fireEvent.change(maxNodes, { target: { value: '4096' } });
    fireEvent.keyDown(maxNodes, { key: 'Enter' });
    expect(editor.last()?.maxNodes).toBe(4096);
    const spans = screen.getByLabelText('Span IDs');
    fireEvent.change(spans, { target: { value: '7be2a3c41e9f0d28, 00000000000000ff' } });
    fireEvent.blur(spans);
    expect(editor.last()?.spanSelector).toEqual(['7be2a3c41e9f0d28', '00000000000000ff']);
  });

  describe('diff', () => {
    it("sets the comparison side's profile type, selector and a shifted range", async () => {
      const editor = await renderEditor({
        refId: 'A',
        queryType: 'profile',
        profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
        labelSelector: '{service_name="checkout"}',
      });
      fireEvent.click(screen.getByLabelText('Diff'));
      expect(editor.last()?.queryType).toBe('diff');
      expect(screen.queryByLabelText('Span IDs')).not.toBeInTheDocument();

      fireEvent.click(screen.getByLabelText('Earlier by'));
      expect(editor.last()?.comparison).toEqual({ shift: '1w' });
      await selectOption('By', '1 day earlier');
      expect(editor.last()?.comparison).toEqual({ shift: '1d' });

      await selectOption('Compare with', 'memory - alloc_space');
      expect(editor.last()?.comparison?.profileTypeId).toBe('memory:alloc_space:bytes:space:bytes');

      // The comparison starts from the baseline's selector.
      expect(screen.getByLabelText('Comparison label selector 1 value')).toHaveValue('checkout');
      await selectOption('Comparison label selector 1 value', 'cart');
      expect(editor.last()?.comparison).toEqual({
        shift: '1d',
        profileTypeId: 'memory:alloc_space:bytes:space:bytes',
        labelSelector: '{service_name="cart"}',
      });
      expect(editor.last()?.labelSelector).toBe('{service_name="checkout"}');
    });

    it('sets an absolute comparison range, starting from the editor range', async () => {
      const editor = await renderEditor({
        refId: 'A',
        queryType: 'diff',
        profileTypeId: 'x:y:z:a:b',
        comparison: { shift: '1w' },
      });
      fireEvent.click(screen.getByLabelText('Absolute'));
      expect(editor.last()?.comparison).toEqual({ timeRange: { fromMs: 1767225600000, toMs: 1767229200000 } });
      fireEvent.click(screen.getByLabelText('Same range'));
      expect(editor.last()?.comparison).toEqual({});
    });
  });

  it("shows a query without a type as Both, the backend's default", async () => {
    await renderEditor({ refId: 'A' });
    expect(screen.getByLabelText('Both')).toBeChecked();
    expect(screen.getByLabelText('Group by')).toBeInTheDocument();
    expect(screen.getByLabelText('Max nodes')).toBeInTheDocument();
  });
});
