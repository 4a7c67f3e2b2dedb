import type { DataSourceSettings } from '@grafana/data';
import { fireEvent, render, screen } from '@testing-library/react';
import React, { useState } from 'react';

import type { ProfilesJsonData, ProfilesSecureJsonData } from '../types';
import { ConfigEditor } from './ConfigEditor';

type Options = DataSourceSettings<ProfilesJsonData, ProfilesSecureJsonData>;

function settings(patch: Partial<Options> = {}): Options {
  const base = {
    id: 1,
    uid: 'profiles-uid',
    orgId: 1,
    name: 'Profiles',
    type: 'emberlabs-profiles-datasource',
    typeName: 'Emberlabs Pyroscope',
    typeLogoUrl: '',
    access: 'proxy',
    url: 'http://pyroscope:4040',
    user: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: false,
    readOnly: false,
    withCredentials: false,
    jsonData: {},
    secureJsonFields: {},
  };
  return { ...(base as Options), ...patch };
}

/** The editor as Grafana's datasource page hosts it; returns the latest options. */
function renderEditor(initial: Options) {
  let latest = initial;
  function Host() {
    const [options, setOptions] = useState(initial);
    return (
      <ConfigEditor
        options={options}
        onOptionsChange={(next) => {
          latest = next;
          setOptions(next);
        }}
      />
    );
  }
  render(<Host />);
  return () => latest;
}

describe('ConfigEditor', () => {
  it('sets the URL, tenant and query settings under the keys the backend reads', () => {
    const latest = renderEditor(settings());
    fireEvent.change(screen.getByLabelText(/^URL/), { target: { value: 'https://profiles.example.net' } });
    fireEvent.change(screen.getByLabelText(/^Tenant ID/), { target: { value: 'team-a|team-b' } });
    fireEvent.change(screen.getByLabelText(/^Timeout/), { target: { value: '45' } });
    fireEvent.change(screen.getByLabelText(/^Span window pad/), { target: { value: '30' } });
    fireEvent.change(screen.getByLabelText(/^Minimum step/), { target: { value: '1m' } });
    fireEvent.click(screen.getByLabelText('gzip'));
    expect(latest().url).toBe('https://profiles.example.net');
    expect(latest().jsonData).toEqual({
      tenantId: 'team-a|team-b',
      timeoutSeconds: 45,
      spanWindowPadSeconds: 30,
      minStep: '1m',
      compression: 'gzip',
    });

    fireEvent.change(screen.getByLabelText(/^Timeout/), { target: { value: '' } });
    expect(latest().jsonData.timeoutSeconds).toBeUndefined();
  });

  it('takes basic auth for Grafana Cloud: user ID in jsonData, token as a secret', () => {
    const latest = renderEditor(settings());
    fireEvent.click(screen.getByLabelText('Basic (Grafana Cloud)'));
    fireEvent.change(screen.getByLabelText(/^User/), { target: { value: '123456' } });
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'glc_token' } });
    expect(latest().jsonData).toEqual({ authType: 'basic', basicAuthUser: '123456' });
    expect(latest().secureJsonData).toEqual({ basicAuthPassword: 'glc_token' });
  });

  it('resets a saved bearer token', () => {
    const latest = renderEditor(
      settings({ jsonData: { authType: 'bearer' }, secureJsonFields: { bearerToken: true } })
    );
    expect(screen.getByLabelText(/^Token/)).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(latest().secureJsonFields.bearerToken).toBe(false);
    expect(latest().secureJsonData).toEqual({ bearerToken: '' });
    fireEvent.change(screen.getByLabelText(/^Token/), { target: { value: 'new-token' } });
    expect(latest().secureJsonData).toEqual({ bearerToken: 'new-token' });
  });

  it("shows basic auth for a datasource provisioned with Grafana's basicAuth flag", () => {
    renderEditor(settings({ basicAuth: true }));
    expect(screen.getByLabelText('Basic (Grafana Cloud)')).toBeChecked();
  });

  describe('custom headers', () => {
    it('adds headers as httpHeaderName<N> with the value as secret httpHeaderValue<N>', () => {
      const latest = renderEditor(settings());
      fireEvent.click(screen.getByRole('button', { name: 'Add header' }));
      fireEvent.change(screen.getByLabelText('Header 1 name'), { target: { value: 'X-Scope-Team' } });
      fireEvent.change(screen.getByLabelText('Header 1 value'), { target: { value: 'secret' } });
      fireEvent.click(screen.getByRole('button', { name: 'Add header' }));
      fireEvent.change(screen.getByLabelText('Header 2 name'), { target: { value: 'X-Other' } });
      expect(latest().jsonData).toEqual({ httpHeaderName1: 'X-Scope-Team', httpHeaderName2: 'X-Other' });
      expect(latest().secureJsonData).toEqual({ httpHeaderValue1: 'secret' });
    });

    it('removes a header without renumbering the others (their saved secrets stay paired)', () => {
      const latest = renderEditor(
        settings({
          jsonData: { httpHeaderName1: 'X-A', httpHeaderName2: 'X-B' },
          secureJsonFields: { httpHeaderValue1: true, httpHeaderValue2: true },
        })
      );
      expect(screen.getByLabelText('Header 2 value')).toBeDisabled();
      fireEvent.click(screen.getByRole('button', { name: 'Remove header 1' }));
      expect(latest().jsonData).toEqual({ httpHeaderName2: 'X-B' });
      expect(latest().secureJsonFields).toEqual({ httpHeaderValue1: false, httpHeaderValue2: true });
      expect(latest().secureJsonData).toEqual({ httpHeaderValue1: '' });
      fireEvent.click(screen.getByRole('button', { name: 'Add header' }));
      expect(screen.getByLabelText('Header 3 name')).toBeInTheDocument();
    });
  });
});
