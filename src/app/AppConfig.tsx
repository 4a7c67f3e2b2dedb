import { type AppPluginMeta, type PluginConfigPageProps } from '@grafana/data';
import { DataSourcePicker, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet } from '@grafana/ui';
import React, { useState } from 'react';
import { lastValueFrom } from 'rxjs';

import { errorMessage } from '../shared/errorMessage';
import type { AppSettings } from './AppSettings';

type Props = PluginConfigPageProps<AppPluginMeta<AppSettings>>;

/**
 * The app's configuration page: which Tempo datasource the Profiles page opens traces in. Saved to the
 * app's jsonData as `tempoDatasourceUid` (provisioning may set the same key).
 */
export function AppConfig({ plugin }: Props) {
  const { id, enabled, pinned, jsonData } = plugin.meta;
  const [tempo, setTempo] = useState(jsonData?.tempoDatasourceUid ?? '');
  const [saving, setSaving] = useState<{ status: 'idle' | 'saving' | 'saved' } | { status: 'failed'; error: string }>({
    status: 'idle',
  });
  const save = async () => {
    setSaving({ status: 'saving' });
    try {
      const settings: AppSettings = { ...jsonData, tempoDatasourceUid: tempo === '' ? undefined : tempo };
      await lastValueFrom(
        getBackendSrv().fetch({
          url: `/api/plugins/${id}/settings`,
          method: 'POST',
          data: { enabled, pinned, jsonData: settings },
        })
      );
      setSaving({ status: 'saved' });
    } catch (error) {
      setSaving({ status: 'failed', error: errorMessage(error) });
    }
  };
  return (
    <FieldSet label="Traces">
      <Field
        label="Tempo data source"
        description="Where the Profiles page opens the traces of the spans that used the most CPU. Links from a trace to its profile need no setting."
      >
        <DataSourcePicker
          inputId="tempo-datasource"
          type="tempo"
          current={tempo || null}
          noDefault
          onChange={(settings) => setTempo(settings.uid)}
          onClear={() => setTempo('')}
        />
      </Field>
      <Button onClick={save} disabled={saving.status === 'saving'}>
        Save settings
      </Button>
      {saving.status === 'saved' && (
        <Alert severity="success" title="Saved">
          Reload the Profiles page to use the new setting.
        </Alert>
      )}
      {saving.status === 'failed' && (
        <Alert severity="error" title="The settings could not be saved">
          {saving.error}
        </Alert>
      )}
    </FieldSet>
  );
}
