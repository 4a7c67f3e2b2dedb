import { dateTime } from '@grafana/data';

import { absoluteState } from './absoluteState';
import { parse, serialize } from './urlState';

describe('absoluteState(state, ranges)', () => {
  it('fixes relative ranges to epoch ms, so a link shows the same data later', () => {
    const state = parse('ds=x&mode=diff&from=now-1h&to=now&cmp.from=now-25h&cmp.to=now-24h&selFrom=5&selTo=6');
    const range = (from: number, to: number) => ({ from: dateTime(from), to: dateTime(to), raw: { from: '', to: '' } });
    const fixed = absoluteState(state, { main: range(1000, 2000), comparison: range(10, 20) });
    expect(serialize(fixed)).toBe('ds=x&mode=diff&from=1000&to=2000&selFrom=5&selTo=6&cmp.from=10&cmp.to=20');
  });
});
