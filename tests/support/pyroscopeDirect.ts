/** Asks Pyroscope itself (no plugin in between), to cross-check what the backend returns. */
export async function pyroscopeCall<T>(
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<T> {
  const response = await fetch(`${url}/querier.v1.QuerierService/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`Pyroscope ${method} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

type WireFlameGraph = { flamegraph: { names: string[]; levels: Array<{ values?: string[] }>; total?: string } };

/** Self value per function name, and the total, straight from Pyroscope's flame graph answer. */
export async function pyroscopeSelfByFunction(
  url: string,
  profileTypeId: string,
  labelSelector: string,
  startMs: number,
  endMs: number
): Promise<{ total: number; self: Map<string, number> }> {
  const answer = await pyroscopeCall<WireFlameGraph>(url, 'SelectMergeStacktraces', {
    profileTypeID: profileTypeId,
    labelSelector,
    start: startMs,
    end: endMs,
    maxNodes: 16384,
  });
  const self = new Map<string, number>();
  for (const level of answer.flamegraph.levels) {
    const values = (level.values ?? []).map(Number);
    for (let i = 0; i < values.length; i += 4) {
      const name = answer.flamegraph.names[values[i + 3]!]!;
      self.set(name, (self.get(name) ?? 0) + values[i + 2]!);
    }
  }
  self.delete('total');
  return { total: Number(answer.flamegraph.total ?? 0), self };
}

/** Polls until Pyroscope has data for the selector (ingested profiles become queryable after a moment). */
export async function waitForProfiles(
  url: string,
  profileTypeId: string,
  labelSelector: string,
  startMs: number,
  endMs: number
): Promise<void> {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    const { total } = await pyroscopeSelfByFunction(url, profileTypeId, labelSelector, startMs, endMs);
    if (total > 0) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`no profiles for ${profileTypeId}${labelSelector} appeared in Pyroscope at ${url} within 30 s`);
}
