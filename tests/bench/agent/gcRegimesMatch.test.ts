import { gcRegimesMatch } from './gcRegimesMatch';

describe('gcRegimesMatch', () => {
  it('accepts sides in the same regime', () => {
    expect(gcRegimesMatch(67, 60)).toBe(true);
    expect(gcRegimesMatch(49, 71)).toBe(true);
    expect(gcRegimesMatch(0, 2)).toBe(true);
  });

  it('rejects a side with no mark-compact against one that runs them steadily, either way round', () => {
    expect(gcRegimesMatch(0, 16)).toBe(false);
    expect(gcRegimesMatch(21, 0)).toBe(false);
  });

  it('rejects counts more than a factor of two apart', () => {
    expect(gcRegimesMatch(68, 20)).toBe(false);
    expect(gcRegimesMatch(10, 21)).toBe(false);
    expect(gcRegimesMatch(10, 20)).toBe(true);
  });
});
