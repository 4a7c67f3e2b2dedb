import { Function as PprofFunction, Line, Location, Profile, StringTable, ValueType } from 'pprof-format';
import type { FlatProfile } from './FlatProfile';
import type { FrameTable } from './FrameTable';
import { SampleSection } from './SampleSection';
import { STEP, type Steps } from './runSteps';

/**
 * pprof bytes (not gzip'ed) with sample types `samples/count` and `cpu/nanoseconds` and period type
 * `cpu/nanoseconds`, which Pyroscope files as `process_cpu:cpu:nanoseconds:cpu:nanoseconds`. One location
 * and one function per frame, both with the frame's stable id; locations leaf first.
 */
export function* encodeCpuProfile(flat: FlatProfile, frames: FrameTable): Steps<Uint8Array> {
  const strings = new StringTable();
  const cpu = strings.dedup('cpu');
  const nanoseconds = strings.dedup('nanoseconds');
  const sampleType = [
    new ValueType({ type: strings.dedup('samples'), unit: strings.dedup('count') }),
    new ValueType({ type: cpu, unit: nanoseconds }),
  ];

  const used = new Set<number>();
  const section = new SampleSection();
  // Leaf first, up to the root; frame 0 (the root) and -1 (never reached) are not emitted. Encoded once per
  // node and shared by its samples (with span labels a node has one sample per request that hit it); -1 for
  // a node with no frame to emit.
  const stackOf = new Map<number, number>();
  const stackIndex = (node: number): number => {
    let stack = stackOf.get(node);
    if (stack === undefined) {
      const path: number[] = [];
      for (let cursor = node; cursor >= 0; cursor = flat.nodeParent[cursor]!) {
        const frame = flat.nodeFrame[cursor]!;
        if (frame > 0) {
          path.push(frame);
          used.add(frame);
        }
      }
      stack = path.length === 0 ? -1 : section.addStack(path);
      stackOf.set(node, stack);
    }
    return stack;
  };

  for (let i = 0; i < flat.labelSets.length; i++) {
    if (i % STEP === STEP - 1) {
      yield;
    }
    section.addLabelSet(flat.labelSets[i]!.flatMap(([key, value]) => [strings.dedup(key), strings.dedup(value)]));
  }

  for (let i = 0; i < flat.sampleNode.length; i++) {
    if (i % STEP === STEP - 1) {
      yield;
    }
    const stack = stackIndex(flat.sampleNode[i]!);
    if (stack >= 0) {
      section.addSample(stack, flat.sampleLabelSet[i]!, flat.sampleCount[i]!, Math.round(flat.sampleNanos[i]!));
    }
  }

  const location: Location[] = [];
  const fn: PprofFunction[] = [];
  const ids = [...used].sort((a, b) => a - b);
  for (let i = 0; i < ids.length; i++) {
    if (i % STEP === STEP - 1) {
      yield;
    }
    const id = ids[i]!;
    const frame = frames.get(id);
    const name = strings.dedup(frame.name);
    fn.push(
      new PprofFunction({ id, name, systemName: name, filename: strings.dedup(frame.file), startLine: frame.line })
    );
    location.push(new Location({ id, line: [new Line({ functionId: id, line: frame.line })] }));
  }

  yield;
  const profile = new Profile({
    sampleType,
    location,
    function: fn,
    stringTable: strings,
    timeNanos: BigInt(Math.round(flat.startMs)) * 1_000_000n,
    durationNanos: Math.round(flat.durationNanos),
    periodType: new ValueType({ type: cpu, unit: nanoseconds }),
    period: Math.round(flat.periodNanos),
  });
  // Section by section, as pprof-format's own encodeAsync does, so no single step encodes it all.
  yield;
  const buffer = new Uint8Array(profile.length + section.byteLength);
  yield;
  let offset = profile._encodeSampleTypesToBuffer(buffer, 0);
  offset = section.writeTo(buffer, offset);
  yield;
  offset = profile._encodeMappingsToBuffer(buffer, offset);
  offset = profile._encodeLocationsToBuffer(buffer, offset);
  yield;
  offset = profile._encodeFunctionsToBuffer(buffer, offset);
  yield;
  offset = profile.stringTable._encodeToBuffer(buffer, offset);
  profile._encodeBasicValuesToBuffer(buffer, offset);
  return buffer;
}
