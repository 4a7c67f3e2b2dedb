import { type DataSourcePluginOptionsEditorProps, type SelectableValue } from '@grafana/data';
import { Field, FieldSet, Input, RadioButtonGroup, SecretInput, Text } from '@grafana/ui';
import React from 'react';

import type { AuthType, Compression, ProfilesJsonData, ProfilesSecureJsonData } from '../types';
import { HttpHeadersEditor } from './HttpHeadersEditor';

type Props = DataSourcePluginOptionsEditorProps<ProfilesJsonData, ProfilesSecureJsonData>;

const AUTH_OPTIONS: Array<SelectableValue<AuthType>> = [
  { label: 'No authentication', value: 'none' },
  { label: 'Basic (Grafana Cloud)', value: 'basic' },
  { label: 'Bearer token', value: 'bearer' },
];

const COMPRESSION_OPTIONS: Array<SelectableValue<Compression>> = [
  { label: 'Auto', value: 'auto', description: 'gzip only from a Pyroscope on another network' },
  { label: 'gzip', value: 'gzip' },
  { label: 'None', value: 'none' },
];

/** `""` → undefined (the backend's default), anything else as a number (the backend says if it is wrong). */
function optionalNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/**
 * The datasource settings, in the keys backend/src/settings/parseSettings.ts reads. "Save & test" runs the
 * backend's health check; Grafana shows its message (what is wrong with the URL, credentials or tenant).
 */
export function ConfigEditor(props: Props) {
  const { options, onOptionsChange } = props;
  const { jsonData } = options;
  const secureFields = options.secureJsonFields ?? {};
  // Provisioned datasources from before authType existed use Grafana's basicAuth flag; so does the backend.
  const authType: AuthType = jsonData.authType ?? (options.basicAuth ? 'basic' : 'none');

  const setJson = (patch: Partial<ProfilesJsonData>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });
  const setSecret = (key: 'basicAuthPassword' | 'bearerToken', value: string) =>
    onOptionsChange({ ...options, secureJsonData: { ...options.secureJsonData, [key]: value } });
  const resetSecret = (key: 'basicAuthPassword' | 'bearerToken') =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...secureFields, [key]: false },
      secureJsonData: { ...options.secureJsonData, [key]: '' },
    });

  return (
    <>
      <FieldSet label="Connection">
        <Field
          label="URL"
          description="Pyroscope's address, e.g. http://pyroscope:4040, or your Grafana Cloud Profiles URL"
          required
        >
          <Input
            id="profiles-url"
            width={60}
            value={options.url}
            placeholder="http://localhost:4040"
            onChange={(e) => onOptionsChange({ ...options, url: e.currentTarget.value })}
          />
        </Field>
        <Field
          label="Tenant ID"
          description="Sent as X-Scope-OrgID, for a multi-tenant Pyroscope; tenants joined with |"
        >
          <Input
            id="profiles-tenant"
            width={40}
            value={jsonData.tenantId ?? ''}
            onChange={(e) => setJson({ tenantId: e.currentTarget.value })}
          />
        </Field>
      </FieldSet>

      <FieldSet label="Authentication">
        <Field label="Method">
          <RadioButtonGroup<AuthType>
            options={AUTH_OPTIONS}
            value={authType}
            onChange={(value) => setJson({ authType: value })}
          />
        </Field>
        {authType === 'basic' && (
          <>
            <Field label="User" description="For Grafana Cloud: the numeric user ID of your Profiles instance">
              <Input
                id="profiles-basic-user"
                width={40}
                value={jsonData.basicAuthUser ?? ''}
                onChange={(e) => setJson({ basicAuthUser: e.currentTarget.value })}
              />
            </Field>
            <Field
              label="Password"
              description="For Grafana Cloud: an access policy token with the profiles:read scope"
            >
              <SecretInput
                id="profiles-basic-password"
                width={40}
                isConfigured={Boolean(secureFields.basicAuthPassword)}
                value={options.secureJsonData?.basicAuthPassword ?? ''}
                onReset={() => resetSecret('basicAuthPassword')}
                onChange={(e) => setSecret('basicAuthPassword', e.currentTarget.value)}
              />
            </Field>
          </>
        )}
        {authType === 'bearer' && (
          <Field label="Token" description="Sent as Authorization: Bearer <token>">
            <SecretInput
              id="profiles-bearer-token"
              width={40}
              isConfigured={Boolean(secureFields.bearerToken)}
              value={options.secureJsonData?.bearerToken ?? ''}
              onReset={() => resetSecret('bearerToken')}
              onChange={(e) => setSecret('bearerToken', e.currentTarget.value)}
            />
          </Field>
        )}
      </FieldSet>

      <FieldSet label="Custom HTTP headers">
        <HttpHeadersEditor {...props} />
      </FieldSet>

      <FieldSet label="Queries">
        <Field label="Timeout" description="Seconds per request to Pyroscope (default 30, at most 600)">
          <Input
            id="profiles-timeout"
            type="number"
            width={12}
            placeholder="30"
            value={jsonData.timeoutSeconds ?? ''}
            onChange={(e) => setJson({ timeoutSeconds: optionalNumber(e.currentTarget.value) })}
          />
        </Field>
        <Field
          label="Span window pad"
          description="Seconds added on each side of a span's time window in span-profile queries (default 60)"
        >
          <Input
            id="profiles-span-pad"
            type="number"
            width={12}
            placeholder="60"
            value={jsonData.spanWindowPadSeconds ?? ''}
            onChange={(e) => setJson({ spanWindowPadSeconds: optionalNumber(e.currentTarget.value) })}
          />
        </Field>
        <Field label="Minimum step" description="Lower bound of a metrics query's step, e.g. 15s or 1m (default 15s)">
          <Input
            id="profiles-min-step"
            width={12}
            placeholder="15s"
            value={jsonData.minStep ?? ''}
            onChange={(e) => setJson({ minStep: e.currentTarget.value })}
          />
        </Field>
        <Field
          label="Compression"
          description="Auto asks for gzip only from a Pyroscope on another network (e.g. Grafana Cloud); on a LAN it costs CPU and saves nothing"
        >
          <RadioButtonGroup<Compression>
            options={COMPRESSION_OPTIONS}
            value={jsonData.compression ?? 'auto'}
            onChange={(compression) => setJson({ compression })}
          />
        </Field>
      </FieldSet>
      <Text variant="bodySmall" color="secondary">
        Save &amp; test checks the URL, the credentials and the tenant against Pyroscope and says what to fix.
      </Text>
    </>
  );
}
