import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Profile } from 'pprof-format';
import { SampleSection } from '../src/pprof/SampleSection';

describe('SampleSection', () => {
  it('writes samples that pprof decoders read back: shared stacks and label sets, values past 2^31', () => {
    const section = new SampleSection();
    const deep = section.addStack([3, 2, 1]);
    const wide = section.addStack([300, 70_000]);
    const none = section.addLabelSet([]);
    const span = section.addLabelSet([5, 6, 7, 8]);
    section.addSample(deep, none, 1, 10_000_000);
    section.addSample(deep, span, 2, 2 ** 33 + 5);
    section.addSample(wide, span, 1, 0);
    const bytes = new Uint8Array(section.byteLength);
    assert.equal(section.writeTo(bytes, 0), bytes.length);

    const decoded = Profile.decode(bytes);
    assert.deepEqual(
      decoded.sample.map((sample) => ({
        locations: sample.locationId.map(Number),
        values: sample.value.map(Number),
        labels: sample.label.map((label) => [Number(label.key), Number(label.str)]),
      })),
      [
        { locations: [3, 2, 1], values: [1, 10_000_000], labels: [] },
        {
          locations: [3, 2, 1],
          values: [2, 2 ** 33 + 5],
          labels: [
            [5, 6],
            [7, 8],
          ],
        },
        {
          locations: [300, 70_000],
          values: [1, 0],
          labels: [
            [5, 6],
            [7, 8],
          ],
        },
      ]
    );
  });
});
