/** What the panel shows first; the flame graph's own header can switch it afterwards. */
export enum PanelView {
  FlameGraph = 'flameGraph',
  TopTable = 'topTable',
  Both = 'both',
}

/** Colours of a single profile, as @grafana/flamegraph names them. */
export enum SingleColorScheme {
  PackageBased = 'packageBased',
  ValueBased = 'valueBased',
}

/** Palette of a diff, as @grafana/flamegraph names them. */
export enum DiffColorScheme {
  GreenRed = 'default',
  BlueRed = 'diffColorBlind',
}

/**
 * What a diff's colours and percentages compare. Relative (Grafana's way): each node's share of its own
 * side's total. Absolute: the node's amounts themselves, so a function that doubled is +100 % even when the
 * whole profile doubled too.
 */
export enum DiffColouring {
  Relative = 'relative',
  Absolute = 'absolute',
}

export type FlameGraphPanelOptions = {
  view: PanelView;
  colorScheme: SingleColorScheme;
  diffColorScheme: DiffColorScheme;
  diffColouring: DiffColouring;
};

export const DEFAULT_OPTIONS: FlameGraphPanelOptions = {
  view: PanelView.Both,
  colorScheme: SingleColorScheme.PackageBased,
  diffColorScheme: DiffColorScheme.GreenRed,
  diffColouring: DiffColouring.Relative,
};
