/** The parts of a V8 `.cpuprofile` (as `node --cpu-prof` writes it) that a share computation reads. */
export type CpuProfile = {
  nodes: Array<{ id: number; callFrame: { functionName: string }; children?: number[] }>;
  samples: number[];
};

/**
 * The share of non-idle samples whose stack contains `functionName` (inclusive time, each sample counted
 * once), counted from the first sample that contains `fromFunction` on: start-up (loading, compiling) is not
 * part of the workload.
 */
export function functionShare(profile: CpuProfile, functionName: string, fromFunction: string): number {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parent.set(child, node.id);
    }
  }
  const contains = (sample: number, name: string): boolean => {
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      if (byId.get(id)?.callFrame.functionName === name) {
        return true;
      }
    }
    return false;
  };
  let started = false;
  let busy = 0;
  let inside = 0;
  for (const sample of profile.samples) {
    started ||= contains(sample, fromFunction);
    if (!started || byId.get(sample)?.callFrame.functionName === '(idle)') {
      continue;
    }
    busy++;
    if (contains(sample, functionName)) {
      inside++;
    }
  }
  return busy === 0 ? 0 : inside / busy;
}
