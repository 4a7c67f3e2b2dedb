/** Time range parameters: resources take `from`/`to` (ms), Tempo's search `start`/`end` (s). */
const TIME_PARAMS = ['from', 'to', 'start', 'end'];

/**
 * The key a resource (or proxied) answer is recorded and looked up under: the path after /resources/ and
 * its query parameters sorted, without the time range, so an answer recorded for one range serves any, and
 * without an empty selector (`{}`, which the backend reads as no selector). A POST's JSON body joins the key
 * the same way: its fields sorted, without `from`/`to`.
 */
export function resourceKey(pathWithQuery: string, body?: unknown): string {
  const [path = '', query = ''] = pathWithQuery.split('?', 2);
  const params = [...new URLSearchParams(query).entries()]
    .filter(
      ([name, value]) => !TIME_PARAMS.includes(name) && !(name === 'selector' && ['', '{}'].includes(value.trim()))
    )
    .sort(([a], [b]) => compare(a, b));
  const key = params.length === 0 ? path : `${path}?${new URLSearchParams(params).toString()}`;
  if (typeof body !== 'object' || body === null) {
    return key;
  }
  const fields = Object.entries(body)
    .filter(([name]) => !TIME_PARAMS.includes(name))
    .sort(([a], [b]) => compare(a, b));
  return `${key} ${JSON.stringify(Object.fromEntries(fields))}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
