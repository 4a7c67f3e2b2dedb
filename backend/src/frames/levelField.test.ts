import { levelField } from './levelField';

describe('levelField', () => {
  it('sends depths as uint16 while they fit', () => {
    const field = levelField(Int32Array.from([0, 1, 2, 65535]));
    expect(field).toMatchObject({ name: 'level', type: 'uint16' });
    expect(Array.from(field.values as Uint16Array)).toEqual([0, 1, 2, 65535]);
  });

  it('keeps int64 for a stack deeper than 65,535 frames', () => {
    const field = levelField(Int32Array.from([0, 65536]));
    expect(field).toMatchObject({ name: 'level', type: 'int64' });
    expect(Array.from(field.values as Int32Array)).toEqual([0, 65536]);
  });
});
