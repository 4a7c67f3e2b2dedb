import type { DiffSide, ProfileQuery } from './types';

/** One line for Explore's query history and the query inspector, e.g. `diff process_cpu:cpu {…} vs 1w earlier`. */
export function queryDisplayText(query: ProfileQuery): string {
  const type = query.queryType ?? 'both';
  const parts = [type, query.profileTypeId ?? '', query.labelSelector?.trim() || '{}'];
  if (type === 'diff') {
    const baseline = sideText(query.baseline);
    const comparison = sideText(query.comparison);
    parts.push(`${baseline ? `(${baseline}) ` : ''}vs ${comparison || 'the same selection'}`);
  }
  if ((type === 'metrics' || type === 'both') && query.groupBy?.length) {
    parts.push(`by ${query.groupBy.join(', ')}`);
  }
  if ((type === 'metrics' || type === 'both') && query.limit) {
    parts.push(`top ${query.limit}`);
  }
  if (type !== 'metrics' && type !== 'diff' && query.spanSelector?.some((id) => id !== '')) {
    parts.push(`spans ${query.spanSelector.filter((id) => id !== '').join(', ')}`);
  }
  return parts.filter((part) => part !== '').join(' ');
}

function sideText(side: DiffSide | undefined): string {
  if (!side) {
    return '';
  }
  const range = side.timeRange
    ? `${new Date(side.timeRange.fromMs).toISOString()} to ${new Date(side.timeRange.toMs).toISOString()}`
    : side.shift
      ? side.shift.startsWith('-')
        ? `${side.shift.slice(1)} later`
        : `${side.shift} earlier`
      : '';
  return [side.profileTypeId, side.labelSelector, range].filter((part) => part).join(' ');
}
