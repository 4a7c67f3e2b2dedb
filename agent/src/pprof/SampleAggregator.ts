/** Samples summed by (node, label set), in first-seen order: the sample half of a `FlatProfile`. */
export class SampleAggregator {
  readonly sampleNode: number[] = [];
  readonly sampleLabelSet: number[] = [];
  readonly sampleCount: number[] = [];
  readonly sampleNanos: number[] = [];
  private readonly slots = new Map<number, number>();

  constructor(private readonly labelSetCount: number) {}

  add(node: number, labelSet: number, count: number, nanos: number): void {
    const key = node * this.labelSetCount + labelSet;
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.sampleNode.length;
      this.slots.set(key, slot);
      this.sampleNode.push(node);
      this.sampleLabelSet.push(labelSet);
      this.sampleCount.push(0);
      this.sampleNanos.push(0);
    }
    this.sampleCount[slot] = this.sampleCount[slot]! + count;
    this.sampleNanos[slot] = this.sampleNanos[slot]! + nanos;
  }
}
