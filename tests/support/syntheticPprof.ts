import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';

/**
 * CPU profiles whose merged call tree has fanout^1 + … + fanout^depth distinct nodes, named from a pool of
 * `functionNames` function names (real code calls the same functions from many places), split into several pprofs so each stays under Pyroscope's 16,000-samples-per-profile limit.
 * Used to put a flame graph of a known size into a real Pyroscope. Profile i is stamped `timeMs - i s`:
 * Pyroscope keeps only one profile per series and timestamp.
 */
export function syntheticPprofs(
  fanout: number,
  depth: number,
  timeMs: number,
  functionNames = Number.MAX_SAFE_INTEGER,
  maxSamplesPerProfile = 12000
): Profile[] {
  const leaves: number[][] = [];
  const walk = (path: number[], level: number) => {
    if (level === depth) {
      leaves.push(path);
      return;
    }
    for (let child = 0; child < fanout; child++) {
      walk([...path, path.length === 0 ? child : path[path.length - 1]! * fanout + child], level + 1);
    }
  };
  walk([], 0);
  const profiles: Profile[] = [];
  for (let start = 0; start < leaves.length; start += maxSamplesPerProfile) {
    profiles.push(
      buildProfile(leaves.slice(start, start + maxSamplesPerProfile), timeMs - profiles.length * 1000, functionNames)
    );
  }
  return profiles;
}

function buildProfile(stacks: number[][], timeMs: number, functionNames: number): Profile {
  const strings = new StringTable();
  const functions = new Map<string, PprofFunction>();
  const locations = new Map<string, Location>();
  const locationOf = (level: number, node: number): Location => {
    const key = `${level}:${node}`;
    let location = locations.get(key);
    if (!location) {
      const name =
        functionNames === Number.MAX_SAFE_INTEGER
          ? `bench/level${level}.function${node}`
          : `bench/pkg${(node % functionNames) % 61}.function${node % functionNames}`;
      const fn = new PprofFunction({
        id: functions.size + 1,
        name: strings.dedup(name),
        filename: strings.dedup(`bench/level${level}.go`),
      });
      functions.set(key, fn);
      location = new Location({ id: locations.size + 1, line: [new Line({ functionId: fn.id, line: node + 1 })] });
      locations.set(key, location);
    }
    return location;
  };
  const samples = stacks.map(
    (path, index) =>
      new Sample({
        // pprof stacks are leaf first.
        locationId: path.map((node, level) => locationOf(level, node).id).reverse(),
        value: [1 + ((index * 7919) % 1000), (1 + ((index * 7919) % 1000)) * 10_000_000],
      })
  );
  return new Profile({
    sampleType: [
      new ValueType({ type: strings.dedup('samples'), unit: strings.dedup('count') }),
      new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') }),
    ],
    periodType: new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') }),
    period: 10_000_000,
    timeNanos: BigInt(timeMs) * 1_000_000n,
    durationNanos: 10_000_000_000,
    sample: samples,
    location: [...locations.values()],
    function: [...functions.values()],
    stringTable: strings,
  });
}
