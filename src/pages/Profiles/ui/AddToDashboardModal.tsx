import { Alert, Button, Field, Input, LinkButton, Modal, Stack } from '@grafana/ui';
import React, { useState } from 'react';

import { errorMessage } from '../../../shared/errorMessage';

type Props = {
  defaultTitle: string;
  /** Creates the dashboard; answers its URL. */
  onCreate: (title: string) => Promise<string>;
  onDismiss: () => void;
};

/** Names the new dashboard, creates it, and links to it (or says why Grafana refused). */
export function AddToDashboardModal({ defaultTitle, onCreate, onDismiss }: Props) {
  const [title, setTitle] = useState(defaultTitle);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [url, setUrl] = useState<string>();
  const create = () => {
    setBusy(true);
    setError(undefined);
    onCreate(title.trim() || defaultTitle).then(
      (created) => {
        setUrl(created);
        setBusy(false);
      },
      (err: unknown) => {
        setError(errorMessage(err));
        setBusy(false);
      }
    );
  };
  return (
    <Modal title="Add to a new dashboard" isOpen onDismiss={onDismiss}>
      <Stack direction="column" gap={2}>
        <Field
          label="Dashboard title"
          description="A dashboard with the profile metric and this flame graph, in the General folder"
        >
          <Input id="profiles-dashboard-title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        </Field>
        {error && (
          <Alert severity="error" title="Grafana did not create the dashboard">
            {error}
          </Alert>
        )}
        {url && (
          <Alert severity="success" title="Dashboard created">
            <LinkButton href={url} icon="apps" variant="secondary">
              Open the dashboard
            </LinkButton>
          </Alert>
        )}
      </Stack>
      <Modal.ButtonRow>
        <Button variant="secondary" fill="outline" onClick={onDismiss}>
          {url ? 'Close' : 'Cancel'}
        </Button>
        {!url && (
          <Button onClick={create} disabled={busy} icon={busy ? 'spinner' : 'plus'}>
            Create dashboard
          </Button>
        )}
      </Modal.ButtonRow>
    </Modal>
  );
}
