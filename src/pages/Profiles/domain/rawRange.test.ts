import { dateTime } from '@grafana/data';

import { rawRange, shiftRange, zoomOut } from './rawRange';

const absolute = { from: dateTime(1000), to: dateTime(3001), raw: { from: dateTime(1000), to: dateTime(3001) } };

describe('rawRange(range)', () => {
  it('keeps relative ranges as text and absolute ones as epoch ms', () => {
    expect(rawRange({ ...absolute, raw: { from: 'now-6h', to: 'now' } })).toEqual({ from: 'now-6h', to: 'now' });
    expect(rawRange(absolute)).toEqual({ from: '1000', to: '3001' });
  });
});

describe('shiftRange(range, direction) and zoomOut(range)', () => {
  it('moves by one length and doubles around the middle, in whole milliseconds', () => {
    expect(shiftRange(absolute, -1)).toEqual({ from: '-1001', to: '1000' });
    expect(shiftRange(absolute, 1)).toEqual({ from: '3001', to: '5002' });
    expect(zoomOut(absolute)).toEqual({ from: '-1', to: '4002' });
  });
});
