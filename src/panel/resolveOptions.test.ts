import { resolveOptions } from './resolveOptions';
import { DEFAULT_OPTIONS, DiffColorScheme, DiffColouring, PanelView, SingleColorScheme } from './types';

describe('resolveOptions(saved)', () => {
  it('gives the defaults for a new panel', () => {
    expect(resolveOptions(undefined)).toEqual(DEFAULT_OPTIONS);
    expect(resolveOptions({})).toEqual(DEFAULT_OPTIONS);
  });

  it('keeps every known value', () => {
    const saved = {
      view: PanelView.TopTable,
      colorScheme: SingleColorScheme.ValueBased,
      diffColorScheme: DiffColorScheme.BlueRed,
      diffColouring: DiffColouring.Absolute,
    };
    expect(resolveOptions(saved)).toEqual(saved);
  });

  it.each([
    ['view', 'sandwich'],
    ['colorScheme', 'rainbow'],
    ['diffColorScheme', 42],
    ['diffColouring', 'ABSOLUTE'],
  ])('replaces an unknown %s (%p) by its default', (key, value) => {
    expect(resolveOptions({ [key]: value })).toEqual(DEFAULT_OPTIONS);
  });
});
