import { type PanelOptionsEditorBuilder } from '@grafana/data';

import {
  DEFAULT_OPTIONS,
  DiffColorScheme,
  DiffColouring,
  type FlameGraphPanelOptions,
  PanelView,
  SingleColorScheme,
} from './types';

/** The panel editor's options. View and colours are where the panel starts; its header can change them. */
export function addPanelOptions(builder: PanelOptionsEditorBuilder<FlameGraphPanelOptions>): void {
  builder
    .addRadio({
      path: 'view',
      name: 'View',
      description: 'What the panel shows first. Both needs a panel at least 800 px wide.',
      defaultValue: DEFAULT_OPTIONS.view,
      settings: {
        options: [
          { value: PanelView.FlameGraph, label: 'Flame graph' },
          { value: PanelView.TopTable, label: 'Top table' },
          { value: PanelView.Both, label: 'Both' },
        ],
      },
    })
    .addRadio({
      path: 'colorScheme',
      name: 'Colour scheme',
      description: 'Colours of a single profile',
      defaultValue: DEFAULT_OPTIONS.colorScheme,
      settings: {
        options: [
          { value: SingleColorScheme.PackageBased, label: 'By package name' },
          { value: SingleColorScheme.ValueBased, label: 'By value' },
        ],
      },
    })
    .addRadio({
      path: 'diffColorScheme',
      name: 'Diff palette',
      defaultValue: DEFAULT_OPTIONS.diffColorScheme,
      settings: {
        options: [
          { value: DiffColorScheme.GreenRed, label: 'Green to red' },
          { value: DiffColorScheme.BlueRed, label: 'Blue to red (colour blind)' },
        ],
      },
    })
    .addRadio({
      path: 'diffColouring',
      name: 'Diff colouring',
      description:
        'Relative: each function’s share of its own side’s total, as Grafana does. Absolute: its amounts themselves, so a function that doubled is +100 % even when everything doubled.',
      defaultValue: DEFAULT_OPTIONS.diffColouring,
      settings: {
        options: [
          { value: DiffColouring.Relative, label: 'Relative (share of total)' },
          { value: DiffColouring.Absolute, label: 'Absolute' },
        ],
      },
    });
}
