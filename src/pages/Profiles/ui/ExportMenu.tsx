import { Dropdown, Menu, ToolbarButton } from '@grafana/ui';
import React from 'react';

type Props = {
  pprof: Array<{ label: string; onClick: () => void }>;
  onJson: () => void;
  onPng: () => void;
  /** JSON and PNG need a flame graph on the page. */
  hasFlameGraph: boolean;
};

/** Downloads of what the page shows: pprof through the backend, the frames as JSON, the flame graph as PNG. */
export function ExportMenu({ pprof, onJson, onPng, hasFlameGraph }: Props) {
  const menu = (
    <Menu>
      {pprof.map(({ label, onClick }) => (
        <Menu.Item key={label} label={label} icon="file-alt" onClick={onClick} />
      ))}
      <Menu.Item label="Flame graph data as JSON" icon="brackets-curly" onClick={onJson} disabled={!hasFlameGraph} />
      <Menu.Item label="Flame graph as PNG" icon="gf-landscape" onClick={onPng} disabled={!hasFlameGraph} />
    </Menu>
  );
  return (
    <Dropdown overlay={menu} placement="bottom-end">
      <ToolbarButton icon="download-alt" disabled={pprof.length === 0}>
        Export
      </ToolbarButton>
    </Dropdown>
  );
}
