import { resolveRange } from './resolveRange';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('resolveRange(raw, now)', () => {
  it.each([
    [{ from: 'now-1h', to: 'now' }, NOW - 3600_000, NOW],
    [{ from: 'now-7d', to: 'now-1d' }, NOW - 7 * 86400_000, NOW - 86400_000],
    [{ from: '1767225600000', to: '1767229200000' }, 1767225600000, 1767229200000],
    [{ from: '2026-01-01T10:00:00.000Z', to: 'now' }, Date.UTC(2026, 0, 1, 10), NOW],
    [{ from: 'nonsense', to: 'now' }, NOW - 3600_000, NOW],
  ])('resolves %j', (raw, from, to) => {
    const range = resolveRange(raw, NOW);
    expect([range.from.valueOf(), range.to.valueOf()]).toEqual([from, to]);
    expect(range.raw).toEqual(raw);
  });

  it('rounds "to" up and "from" down', () => {
    const range = resolveRange({ from: 'now/d', to: 'now/d' }, NOW);
    expect(range.from.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(range.to.toISOString()).toBe('2026-01-01T23:59:59.999Z');
  });
});
