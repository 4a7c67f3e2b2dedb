import { resolveRange } from './resolveRange';
import { shiftEarlier } from './shiftEarlier';

const NOW = Date.UTC(2026, 0, 8, 12);

describe('shiftEarlier(range, shift)', () => {
  it('keeps relative ranges relative', () => {
    const shifted = shiftEarlier({ from: 'now-1h', to: 'now' }, '1w', NOW);
    expect(shifted).toEqual({ from: 'now-1h-1w', to: 'now-1w' });
    const range = resolveRange(shifted, NOW);
    expect([range.from.toISOString(), range.to.toISOString()]).toEqual([
      '2026-01-01T11:00:00.000Z',
      '2026-01-01T12:00:00.000Z',
    ]);
  });

  it('moves absolute ends by the duration', () => {
    expect(shiftEarlier({ from: String(NOW - 3600_000), to: String(NOW) }, '1d', NOW)).toEqual({
      from: String(NOW - 3600_000 - 86400_000),
      to: String(NOW - 86400_000),
    });
    expect(shiftEarlier({ from: '2026-01-08T10:00:00.000Z', to: 'now' }, '1h', NOW)).toEqual({
      from: String(Date.UTC(2026, 0, 8, 9)),
      to: 'now-1h',
    });
  });
});
