import type { DataFrame, TimeRange } from '@grafana/data';
import { Alert, LoadingPlaceholder, Text } from '@grafana/ui';
import React from 'react';

import type { AsyncState } from '../../../shared/useAsync';
import type { EpochSpan } from '../domain/ProfilesState';
import { MetricGraph } from './MetricGraph';

type Props = {
  metric: AsyncState<DataFrame[]>;
  range: TimeRange;
  selection?: EpochSpan;
  onSelect: (span: EpochSpan) => void;
  /** What to say when the range has no samples. */
  emptyText: string;
};

/** The metric graph with its loading, empty and error states. */
export function MetricSection({ metric, range, selection, onSelect, emptyText }: Props) {
  switch (metric.status) {
    case 'idle':
      return (
        <Text color="secondary" element="p">
          Choose a service and a profile type.
        </Text>
      );
    case 'failed':
      return (
        <Alert severity="error" title="The profile metric could not be loaded">
          {metric.error}
        </Alert>
      );
    case 'loading':
      return metric.previous ? (
        <MetricGraph frames={metric.previous} range={range} selection={selection} onSelect={onSelect} />
      ) : (
        <LoadingPlaceholder text="Loading the profile metric…" />
      );
    case 'done':
      return hasSamples(metric.value) ? (
        <MetricGraph frames={metric.value} range={range} selection={selection} onSelect={onSelect} />
      ) : (
        <Text color="secondary" element="p">
          {emptyText}
        </Text>
      );
  }
}

function hasSamples(frames: DataFrame[]): boolean {
  return frames.some((frame) => frame.length > 0);
}
