import { PanelPlugin } from '@grafana/data';

import { addPanelOptions } from './addPanelOptions';
import { FlameGraphPanel } from './FlameGraphPanel';
import { type FlameGraphPanelOptions } from './types';

export const plugin = new PanelPlugin<FlameGraphPanelOptions>(FlameGraphPanel).setPanelOptions(addPanelOptions);
