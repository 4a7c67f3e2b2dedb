import type { Frame } from '../plugin/types';
import type { ProfileType, Series } from '../pyroscope/types';
import { parseProfileTypeId } from './parseProfileTypeId';
import { seriesValueScale } from './seriesValueScale';

export type SeriesFrameOptions = {
  /** The step SelectSeries was asked for; rates are per second of it. */
  stepSeconds: number;
  groupBy: string[];
  /** The query's selector, shown as the series name when nothing is grouped. */
  labelSelector: string;
};

/**
 * One time series frame per label set (series may differ in length): `time` and a float64 `value` field
 * carrying the series' labels, scaled by `seriesValueScale`, named for the legend through
 * `config.displayNameFromDS`.
 */
export function seriesToFrames(
  series: Series[],
  profileType: ProfileType | string,
  refId: string,
  options: SeriesFrameOptions
): Frame[] {
  const profileTypeId = typeof profileType === 'string' ? profileType : profileType.id;
  const sampleType =
    (typeof profileType === 'string' ? parseProfileTypeId(profileType)?.sampleType : profileType.sampleType) ?? '';
  const { factor, unit, rate } = seriesValueScale(profileTypeId, options.stepSeconds);
  return series.map((s) => {
    const time = new Float64Array(s.points.length);
    const value = new Float64Array(s.points.length);
    s.points.forEach((point, i) => {
      time[i] = point.timestampMs;
      value[i] = point.value * factor;
    });
    return {
      name: 'series',
      refId,
      meta: { preferredVisualisationType: 'graph', custom: { profileTypeId, rateCalculated: rate } },
      fields: [
        { name: 'time', type: 'time', values: time, config: { interval: options.stepSeconds * 1000 } },
        {
          name: 'value',
          type: 'float64',
          values: value,
          labels: s.labels,
          config: { unit, displayNameFromDS: displayName(s.labels, sampleType, options) },
        },
      ],
    };
  });
}

function displayName(labels: Record<string, string>, sampleType: string, options: SeriesFrameOptions): string {
  const { groupBy, labelSelector } = options;
  if (groupBy.length === 1) {
    return labels[groupBy[0]!] ?? `${groupBy[0]} not set`;
  }
  if (groupBy.length > 1) {
    return `{${groupBy.map((name) => `${name}=${JSON.stringify(labels[name] ?? '')}`).join(', ')}}`;
  }
  const selector = labelSelector.trim();
  return selector === '{}' || selector === '' ? sampleType : `${sampleType} ${selector}`;
}
