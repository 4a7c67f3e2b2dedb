import type { ProfileSelection, ProfilesState } from './ProfilesState';
import { parse, serialize } from './urlState';

const main: ProfileSelection = {
  service: 'checkout',
  profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  filters: '{env="prod", pod=~"api-.*"}',
  range: { from: 'now-6h', to: 'now' },
};

const single: ProfilesState = {
  datasource: 'pyro-1',
  mode: 'single',
  main,
  comparison: main,
  diffView: 'diff',
  colorScale: 'relative',
  maxNodes: 16384,
};

const diff: ProfilesState = {
  ...single,
  mode: 'diff',
  main: { ...main, selection: { from: 1767225600000, to: 1767226500000 } },
  comparison: {
    service: 'cart',
    profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
    filters: '{}',
    range: { from: '1767139200000', to: '1767142800000' },
    selection: { from: 1767139800000, to: 1767140400000 },
  },
  diffView: 'sideBySide',
  colorScale: 'absolute',
  maxNodes: 4096,
};

describe('urlState', () => {
  describe('parse(serialize(state))', () => {
    it.each([
      ['a single view', single],
      ['a diff of two services, ranges and selections', diff],
      [
        'a diff whose comparison differs only in its filters',
        { ...single, mode: 'diff', comparison: { ...main, filters: '{version="1.3"}' } },
      ],
      ['a comparison without service (all services)', { ...diff, comparison: { ...diff.comparison, service: '' } }],
      [
        'values that need escaping',
        {
          ...single,
          main: { ...main, service: 'a&b=c d', filters: '{msg="x \\"y\\" & z#1"}' },
          comparison: { ...main, service: 'a&b=c d', filters: '{msg="x \\"y\\" & z#1"}' },
        },
      ],
    ] as Array<[string, ProfilesState]>)('gives back %s', (_name, state) => {
      const query = serialize(state);
      expect(parse(query)).toEqual(state);
      expect(serialize(parse(query))).toBe(query);
    });
  });

  it('writes a readable, short query string', () => {
    expect(serialize(single)).toBe(
      'ds=pyro-1&from=now-6h&to=now&service=checkout&type=process_cpu%3Acpu%3Ananoseconds%3Acpu%3Ananoseconds&filters=%7Benv%3D%22prod%22%2C+pod%3D%7E%22api-.*%22%7D'
    );
    expect(serialize(diff)).toContain('mode=diff');
    expect(serialize(diff)).toContain('cmp.service=cart');
    expect(serialize(diff)).not.toContain('cmp.type=');
    expect(serialize(diff)).toContain('selFrom=1767225600000&selTo=1767226500000');
    expect(serialize(diff)).toContain('cmp.selFrom=1767139800000');
    expect(serialize(diff)).toContain('view=sideBySide&colors=absolute&maxNodes=4096');
  });

  it('reads a full URL, ignoring its path and fragment', () => {
    const state = parse('https://grafana.example/a/emberlabs-profiles-app/profiles?ds=x&service=api#top');
    expect(state.datasource).toBe('x');
    expect(state.main.service).toBe('api');
  });

  it('fills in defaults for an empty URL', () => {
    expect(parse('')).toEqual({
      datasource: '',
      mode: 'single',
      main: { service: '', profileTypeId: '', filters: '{}', range: { from: 'now-1h', to: 'now' } },
      comparison: { service: '', profileTypeId: '', filters: '{}', range: { from: 'now-1h', to: 'now' } },
      diffView: 'diff',
      colorScale: 'relative',
      maxNodes: 16384,
    });
  });

  it.each([
    ['maxNodes=0', { maxNodes: 16384 }],
    ['maxNodes=2000000', { maxNodes: 16384 }],
    ['maxNodes=abc', { maxNodes: 16384 }],
    ['mode=sideways', { mode: 'single' }],
    ['mode=diff&view=stacked&colors=loud', { diffView: 'diff', colorScale: 'relative' }],
  ])('ignores what it cannot read: %s', (query, expected) => {
    expect(parse(query)).toMatchObject(expected);
  });

  it.each(['selFrom=10', 'selFrom=20&selTo=10', 'selFrom=a&selTo=b'])(
    'drops an incomplete or reversed selection: %s',
    (query) => {
      expect(parse(query).main.selection).toBeUndefined();
    }
  );

  it("lets a diff's comparison follow the baseline in what the URL does not name", () => {
    const state = parse('mode=diff&service=checkout&type=t&from=now-2h&to=now&cmp.from=now-26h&cmp.to=now-24h');
    expect(state.comparison).toEqual({
      service: 'checkout',
      profileTypeId: 't',
      filters: '{}',
      range: { from: 'now-26h', to: 'now-24h' },
    });
  });

  it('ignores comparison parameters outside a diff', () => {
    expect(parse('service=a&cmp.service=b').comparison.service).toBe('a');
    expect(serialize({ ...single, comparison: { ...main, service: 'other' } })).not.toContain('cmp.');
  });
});
