import { dateTimeFormat, rangeUtil } from '@grafana/data';
import { Button, Stack, Text } from '@grafana/ui';
import React from 'react';

import type { EpochSpan } from '../domain/ProfilesState';

type Props = { selection?: EpochSpan; onClear: () => void };

/** Which range the flame graph covers, and how to change it. */
export function SelectionInfo({ selection, onClear }: Props) {
  if (!selection) {
    return (
      <Text variant="bodySmall" color="secondary">
        The flame graph covers the whole range; drag across the graph to look at part of it.
      </Text>
    );
  }
  const length = rangeUtil.secondsToHms(Math.round((selection.to - selection.from) / 1000));
  return (
    <Stack direction="row" gap={1} alignItems="center">
      <Text variant="bodySmall" color="secondary">
        Flame graph of {dateTimeFormat(selection.from)} to {dateTimeFormat(selection.to)} ({length})
      </Text>
      <Button size="sm" variant="secondary" fill="text" icon="times" onClick={onClear}>
        Whole range
      </Button>
    </Stack>
  );
}
