import { emptyMessage } from './emptyMessage';

describe('emptyMessage(services)', () => {
  it('names the services and says what to check', () => {
    expect(emptyMessage(['checkout'])).toBe(
      'No profiles for checkout in this range — check that the agent is running and sends to this Pyroscope, or choose another time range.'
    );
    expect(emptyMessage(['a', 'b', 'a'])).toMatch(/^No profiles for a or b in this range/);
    expect(emptyMessage([''])).toMatch(/^No profiles for the selected series/);
  });
});
