/**
 * The key a resource answer is recorded and looked up under: the path after /resources/ and its query
 * parameters sorted, without the time range (`from`, `to`), so an answer recorded for one range serves any,
 * and without an empty selector (`{}`, which the backend reads as no selector).
 */
export function resourceKey(pathWithQuery: string): string {
  const [path = '', query = ''] = pathWithQuery.split('?', 2);
  const params = [...new URLSearchParams(query).entries()]
    .filter(
      ([name, value]) => name !== 'from' && name !== 'to' && !(name === 'selector' && ['', '{}'].includes(value.trim()))
    )
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return params.length === 0 ? path : `${path}?${new URLSearchParams(params).toString()}`;
}
