import React, { type ChangeEvent } from 'react';
import { type DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, FieldSet, Input, RadioButtonGroup, SecretInput } from '@grafana/ui';

import { type AuthType, type ProfilesJsonData, type ProfilesSecureJsonData } from '../types';

type Props = DataSourcePluginOptionsEditorProps<ProfilesJsonData, ProfilesSecureJsonData>;

const COMPRESSION_OPTIONS: Array<{ label: string; value: NonNullable<ProfilesJsonData['compression']> }> = [
  { label: 'Auto', value: 'auto' },
  { label: 'gzip', value: 'gzip' },
  { label: 'None', value: 'none' },
];

const AUTH_OPTIONS: Array<{ label: string; value: AuthType }> = [
  { label: 'No auth', value: 'none' },
  { label: 'Basic (Grafana Cloud)', value: 'basic' },
  { label: 'Bearer token', value: 'bearer' },
];

export function ConfigEditor({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData;
  const secureFields = options.secureJsonFields ?? {};
  const authType = jsonData.authType ?? 'none';

  const setJson = (patch: Partial<ProfilesJsonData>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });
  const setSecret = (key: keyof ProfilesSecureJsonData, value: string) =>
    onOptionsChange({ ...options, secureJsonData: { ...options.secureJsonData, [key]: value } });
  const resetSecret = (key: keyof ProfilesSecureJsonData) =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...secureFields, [key]: false },
      secureJsonData: { ...options.secureJsonData, [key]: '' },
    });

  return (
    <>
      <FieldSet label="Pyroscope">
        <Field
          label="URL"
          description="Pyroscope's HTTP address, e.g. http://localhost:4040 or your Grafana Cloud Profiles URL"
          required
        >
          <Input
            width={50}
            value={options.url}
            placeholder="http://localhost:4040"
            onChange={(e: ChangeEvent<HTMLInputElement>) => onOptionsChange({ ...options, url: e.currentTarget.value })}
          />
        </Field>
        <Field
          label="Tenant ID"
          description="Sent as X-Scope-OrgID; needed when Pyroscope runs with multi-tenancy enabled"
        >
          <Input
            width={30}
            value={jsonData.tenantId ?? ''}
            onChange={(e: ChangeEvent<HTMLInputElement>) => setJson({ tenantId: e.currentTarget.value })}
          />
        </Field>
        <Field label="Timeout (seconds)">
          <Input
            type="number"
            width={12}
            value={jsonData.timeoutSeconds ?? 30}
            onChange={(e: ChangeEvent<HTMLInputElement>) => setJson({ timeoutSeconds: Number(e.currentTarget.value) })}
          />
        </Field>
        <Field
          label="Compression"
          description="Auto asks Pyroscope to gzip its answers only when it is on another network (e.g. Grafana Cloud); on a LAN that costs CPU and saves nothing"
        >
          <RadioButtonGroup
            options={COMPRESSION_OPTIONS}
            value={jsonData.compression ?? 'auto'}
            onChange={(compression) => setJson({ compression })}
          />
        </Field>
      </FieldSet>
      <FieldSet label="Authentication">
        <RadioButtonGroup options={AUTH_OPTIONS} value={authType} onChange={(value) => setJson({ authType: value })} />
        {authType === 'basic' && (
          <>
            <Field label="User" description="For Grafana Cloud: the numeric user ID of your Profiles instance">
              <Input
                width={30}
                value={jsonData.basicAuthUser ?? ''}
                onChange={(e: ChangeEvent<HTMLInputElement>) => setJson({ basicAuthUser: e.currentTarget.value })}
              />
            </Field>
            <Field label="Password" description="For Grafana Cloud: an access policy token with profiles:read">
              <SecretInput
                width={30}
                isConfigured={Boolean(secureFields.basicAuthPassword)}
                onReset={() => resetSecret('basicAuthPassword')}
                onChange={(e: ChangeEvent<HTMLInputElement>) => setSecret('basicAuthPassword', e.currentTarget.value)}
              />
            </Field>
          </>
        )}
        {authType === 'bearer' && (
          <Field label="Token">
            <SecretInput
              width={30}
              isConfigured={Boolean(secureFields.bearerToken)}
              onReset={() => resetSecret('bearerToken')}
              onChange={(e: ChangeEvent<HTMLInputElement>) => setSecret('bearerToken', e.currentTarget.value)}
            />
          </Field>
        )}
      </FieldSet>
    </>
  );
}
