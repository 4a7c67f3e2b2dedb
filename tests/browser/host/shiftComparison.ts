/**
 * The query with its diff comparison's absolute range (`comparison.timeRange`) moved by `shiftMs`; a query
 * without one as it is. Recorded queries keep that range relative to their recording's end.
 */
export function shiftComparison(query: Record<string, unknown>, shiftMs: number): Record<string, unknown> {
  const comparison = query.comparison as { timeRange?: { fromMs: number; toMs: number } } | undefined;
  if (!comparison?.timeRange || shiftMs === 0) {
    return query;
  }
  const { fromMs, toMs } = comparison.timeRange;
  return { ...query, comparison: { ...comparison, timeRange: { fromMs: fromMs + shiftMs, toMs: toMs + shiftMs } } };
}
