import { Dropdown, Menu, ToolbarButton } from '@grafana/ui';
import React from 'react';

import type { Shift } from '../domain/shiftEarlier';

const SHIFTS: Array<{ label: string; shift: Shift }> = [
  { label: '1 hour earlier', shift: '1h' },
  { label: '1 day earlier', shift: '1d' },
  { label: '1 week earlier', shift: '1w' },
];

type Props = { onSame: () => void; onShift: (shift: Shift) => void };

/** Quick comparison ranges: the baseline's range, or the same range an hour, a day or a week earlier. */
export function ShiftMenu({ onSame, onShift }: Props) {
  const menu = (
    <Menu>
      <Menu.Item label="Same range as the baseline" onClick={onSame} />
      {SHIFTS.map(({ label, shift }) => (
        <Menu.Item key={shift} label={`Baseline range, ${label}`} onClick={() => onShift(shift)} />
      ))}
    </Menu>
  );
  return (
    <Dropdown overlay={menu} placement="bottom-end">
      <ToolbarButton icon="history" tooltip="Compare with the baseline's range moved into the past">
        Shift
      </ToolbarButton>
    </Dropdown>
  );
}
