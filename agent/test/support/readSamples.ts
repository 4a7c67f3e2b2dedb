import type { Profile } from 'pprof-format';

/** A decoded sample: function names leaf first, its labels, its count. */
export type NamedSample = { frames: string[]; labels: Record<string, string>; count: number; nanos: number };

/** The samples of a decoded pprof with names instead of ids. */
export function readSamples(profile: Profile): NamedSample[] {
  const s = (i: number | bigint) => profile.stringTable.strings[Number(i)]!;
  const functionName = new Map(profile.function.map((f) => [Number(f.id), s(f.name)]));
  const locationName = new Map(
    profile.location.map((l) => [Number(l.id), functionName.get(Number(l.line[0]!.functionId))!])
  );
  return profile.sample.map((sample) => ({
    frames: sample.locationId.map((id) => locationName.get(Number(id))!),
    labels: Object.fromEntries(sample.label.map((label) => [s(label.key), s(label.str)])),
    count: Number(sample.value[0]),
    nanos: Number(sample.value[1]),
  }));
}
