import { varintSize, writeVarint } from './varint';

/** Field tags (field number << 3 | wire type) of pprof's `Profile.sample`, `Sample` and `Label` messages. */
const PROFILE_SAMPLE = 18;
const SAMPLE_LOCATIONS = 10;
const SAMPLE_VALUES = 18;
const SAMPLE_LABEL = 26;
const LABEL_KEY = 8;
const LABEL_STR = 16;

/**
 * The `sample` field of a pprof profile, written straight to bytes. pprof-format's `Sample` objects would
 * measure every sample's location list three times and allocate per sample; with span labels a window has one
 * sample per request that was sampled, all sharing a few hundred stacks. Here each stack's location list and
 * each label set is encoded once, and a sample is two references and two numbers.
 */
export class SampleSection {
  private readonly stacks: Uint8Array[] = [];
  private readonly labelSets: Uint8Array[] = [];
  private readonly samples: number[] = [];
  private length = 0;

  /** Registers a stack (location ids, leaf first); returns its index for `addSample`. */
  addStack(locationIds: readonly number[]): number {
    let size = 0;
    for (const id of locationIds) {
      size += varintSize(id);
    }
    const bytes = new Uint8Array(1 + varintSize(size) + size);
    let offset = writeVarint(bytes, 0, SAMPLE_LOCATIONS);
    offset = writeVarint(bytes, offset, size);
    for (const id of locationIds) {
      offset = writeVarint(bytes, offset, id);
    }
    return this.stacks.push(bytes) - 1;
  }

  /** Registers a label set as string table indexes (key, value, key, value, …); returns its index. */
  addLabelSet(keyValueIndexes: readonly number[]): number {
    let size = 0;
    for (let i = 0; i < keyValueIndexes.length; i += 2) {
      const label = 2 + varintSize(keyValueIndexes[i]!) + varintSize(keyValueIndexes[i + 1]!);
      size += 1 + varintSize(label) + label;
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (let i = 0; i < keyValueIndexes.length; i += 2) {
      const key = keyValueIndexes[i]!;
      const value = keyValueIndexes[i + 1]!;
      offset = writeVarint(bytes, offset, SAMPLE_LABEL);
      offset = writeVarint(bytes, offset, 2 + varintSize(key) + varintSize(value));
      offset = writeVarint(bytes, offset, LABEL_KEY);
      offset = writeVarint(bytes, offset, key);
      offset = writeVarint(bytes, offset, LABEL_STR);
      offset = writeVarint(bytes, offset, value);
    }
    return this.labelSets.push(bytes) - 1;
  }

  /** One sample: a registered stack, a registered label set and its two values (count, CPU nanoseconds). */
  addSample(stack: number, labelSet: number, count: number, nanos: number): void {
    this.samples.push(stack, labelSet, count, nanos);
    const message = this.messageLength(stack, labelSet, count, nanos);
    this.length += 1 + varintSize(message) + message;
  }

  /** Bytes `writeTo` will write. */
  get byteLength(): number {
    return this.length;
  }

  /** Writes every sample at `offset`; returns the offset after them. */
  writeTo(buffer: Uint8Array, offset: number): number {
    const { samples } = this;
    for (let i = 0; i < samples.length; i += 4) {
      const stack = this.stacks[samples[i]!]!;
      const labels = this.labelSets[samples[i + 1]!]!;
      const count = samples[i + 2]!;
      const nanos = samples[i + 3]!;
      offset = writeVarint(buffer, offset, PROFILE_SAMPLE);
      offset = writeVarint(buffer, offset, this.messageLength(samples[i]!, samples[i + 1]!, count, nanos));
      buffer.set(stack, offset);
      offset += stack.length;
      offset = writeVarint(buffer, offset, SAMPLE_VALUES);
      offset = writeVarint(buffer, offset, varintSize(count) + varintSize(nanos));
      offset = writeVarint(buffer, offset, count);
      offset = writeVarint(buffer, offset, nanos);
      buffer.set(labels, offset);
      offset += labels.length;
    }
    return offset;
  }

  private messageLength(stack: number, labelSet: number, count: number, nanos: number): number {
    const values = varintSize(count) + varintSize(nanos);
    return this.stacks[stack]!.length + 1 + varintSize(values) + values + this.labelSets[labelSet]!.length;
  }
}
