import { dateTime } from '@grafana/data';
import { setBackendSrv } from '@grafana/runtime';
import { fireEvent, render, screen } from '@testing-library/react';
import React, { useState } from 'react';

import { fakeBackendSrv } from '../testing/fakeBackendSrv';
import { prepareComboboxes, selectOption, typeCustomOption } from '../testing/selectOption';
import { testDataSource } from '../testing/testDataSource';
import type { VariableQuery } from '../types';
import { VariableQueryEditor } from './VariableQueryEditor';

const range = { from: dateTime(1767225600000), to: dateTime(1767229200000), raw: { from: 'now-1h', to: 'now' } };

function renderEditor(initial: VariableQuery | undefined) {
  const { backendSrv, requests } = fakeBackendSrv(() => ({ data: ['pod', 'service_name'] }));
  setBackendSrv(backendSrv);
  const changes: VariableQuery[] = [];
  const datasource = testDataSource();
  function Host() {
    const [query, setQuery] = useState(initial);
    return (
      <VariableQueryEditor
        datasource={datasource}
        query={query as VariableQuery}
        range={range}
        onRunQuery={jest.fn()}
        onChange={(next) => {
          changes.push(next);
          setQuery(next);
        }}
      />
    );
  }
  render(<Host />);
  return { requests, last: () => changes[changes.length - 1] };
}

prepareComboboxes();

describe('VariableQueryEditor', () => {
  it('starts a new variable as the values of service_name', () => {
    renderEditor(undefined);
    expect(screen.getByLabelText('Query')).toHaveValue('Label values');
    expect(screen.getByLabelText('Label')).toHaveValue('service_name');
  });

  it('lists profile types without further fields', async () => {
    const editor = renderEditor({ refId: 'v', type: 'labelValue', labelName: 'pod' });
    await selectOption('Query', 'Profile types');
    expect(editor.last()?.type).toBe('profileType');
    expect(screen.queryByLabelText('Label')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Add a filter/ })).not.toBeInTheDocument();
  });

  it('picks the label from completions narrowed by the selector, or a typed variable', async () => {
    const editor = renderEditor({ refId: 'v', type: 'labelValue', labelSelector: '{service_name="checkout"}' });
    await selectOption('Label', 'pod');
    expect(editor.last()?.labelName).toBe('pod');
    expect(editor.requests[0]?.params).toMatchObject({ selector: '{service_name="checkout"}' });
    await typeCustomOption('Label', '$label');
    expect(editor.last()?.labelName).toBe('$label');
  });

  it('takes a selector with variables in code mode', () => {
    const editor = renderEditor({ refId: 'v', type: 'labelName' });
    fireEvent.click(screen.getByLabelText('Code'));
    const input = screen.getByLabelText('Variable label selector');
    fireEvent.change(input, { target: { value: '{service_name=~"$service"}' } });
    fireEvent.blur(input);
    expect(editor.last()).toEqual({ refId: 'v', type: 'labelName', labelSelector: '{service_name=~"$service"}' });
  });
});
