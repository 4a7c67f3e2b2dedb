import {
  DEFAULT_OPTIONS,
  DiffColorScheme,
  DiffColouring,
  type FlameGraphPanelOptions,
  PanelView,
  SingleColorScheme,
} from './types';

/**
 * The panel's options with every missing or unknown value (a dashboard saved by another version, or edited
 * by hand) replaced by its default, so the panel never acts on a value it does not know.
 */
export function resolveOptions(
  saved: Partial<Record<keyof FlameGraphPanelOptions, unknown>> | undefined
): FlameGraphPanelOptions {
  return {
    view: pick(saved?.view, PanelView, DEFAULT_OPTIONS.view),
    colorScheme: pick(saved?.colorScheme, SingleColorScheme, DEFAULT_OPTIONS.colorScheme),
    diffColorScheme: pick(saved?.diffColorScheme, DiffColorScheme, DEFAULT_OPTIONS.diffColorScheme),
    diffColouring: pick(saved?.diffColouring, DiffColouring, DEFAULT_OPTIONS.diffColouring),
  };
}

function pick<T extends string>(value: unknown, allowed: Record<string, T>, fallback: T): T {
  return (Object.values(allowed) as unknown[]).includes(value) ? (value as T) : fallback;
}
