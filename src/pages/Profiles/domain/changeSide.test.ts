import { changeSide } from './changeSide';
import type { ProfileSelection, ProfilesState } from './ProfilesState';

const main: ProfileSelection = {
  service: 'checkout',
  profileTypeId: 't',
  filters: '{}',
  range: { from: 'now-1h', to: 'now' },
  selection: { from: 1, to: 2 },
};
const state: ProfilesState = {
  datasource: 'ds',
  mode: 'diff',
  main,
  comparison: { ...main, service: 'cart', selection: undefined },
  diffView: 'diff',
  colorScale: 'relative',
  maxNodes: 16384,
};

describe('changeSide(state, side, patch)', () => {
  it('drops the selection of a side whose range changes', () => {
    const next = changeSide(state, 'main', { range: { from: 'now-6h', to: 'now' } });
    expect(next.main.selection).toBeUndefined();
    expect(next.main.range).toEqual({ from: 'now-6h', to: 'now' });
  });

  it('keeps a selection set together with the range', () => {
    const next = changeSide(state, 'main', { range: { from: '1', to: '9' }, selection: { from: 2, to: 3 } });
    expect(next.main.selection).toEqual({ from: 2, to: 3 });
  });

  it("lets the comparison's parts that equal the baseline's follow it", () => {
    const next = changeSide(state, 'main', {
      service: 'frontend',
      profileTypeId: 'u',
      range: { from: 'now-2h', to: 'now' },
    });
    expect(next.comparison).toEqual({
      service: 'cart',
      profileTypeId: 'u',
      filters: '{}',
      range: { from: 'now-2h', to: 'now' },
      selection: undefined,
    });
  });

  it('changes only the comparison when the comparison changes', () => {
    const next = changeSide(state, 'comparison', { filters: '{v="2"}' });
    expect(next.comparison.filters).toBe('{v="2"}');
    expect(next.main).toBe(state.main);
  });
});
