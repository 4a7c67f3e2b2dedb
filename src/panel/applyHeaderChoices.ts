import { PanelView } from './types';

/** The labels @grafana/flamegraph's header gives its controls (it takes the view and colours as internal state). */
const VIEW_LABELS: Record<PanelView, string> = {
  [PanelView.TopTable]: 'Top Table',
  [PanelView.FlameGraph]: 'Flame Graph',
  [PanelView.Both]: 'Both',
};
const COLOR_SCHEME_LABELS: Record<string, string> = {
  packageBased: 'By package name',
  valueBased: 'By value',
  default: 'Default (green to red)',
  diffColorBlind: 'Color blind (blue to red)',
};
const MENU_WAIT_FRAMES = 30;

/**
 * Sets the flame graph's view and colour scheme through its own header controls, as a user would: in
 * @grafana/flamegraph 13 they are component state with no props. A control that is not there (the Both
 * view on a panel narrower than 800 px) is left alone.
 */
export async function applyHeaderChoices(
  root: HTMLElement,
  { view, colorScheme }: { view?: PanelView; colorScheme?: string }
): Promise<void> {
  if (view) {
    selectRadio(root, VIEW_LABELS[view]);
  }
  const schemeLabel = colorScheme && COLOR_SCHEME_LABELS[colorScheme];
  if (schemeLabel) {
    await selectMenuItem(root, 'Change color scheme', schemeLabel);
  }
}

function selectRadio(root: HTMLElement, label: string): void {
  const labelElement = [...root.querySelectorAll('label')].find((candidate) => candidate.textContent === label);
  const input = labelElement?.htmlFor ? root.ownerDocument.getElementById(labelElement.htmlFor) : null;
  if (input instanceof HTMLInputElement && !input.checked) {
    input.click();
  }
}

async function selectMenuItem(root: HTMLElement, buttonLabel: string, itemLabel: string): Promise<void> {
  const button = root.querySelector<HTMLButtonElement>(`button[aria-label="${buttonLabel}"]`);
  if (!button) {
    return;
  }
  button.click();
  // The menu opens in a portal on the next renders.
  for (let frame = 0; frame < MENU_WAIT_FRAMES; frame++) {
    const item = [...root.ownerDocument.querySelectorAll<HTMLElement>('[role="menuitem"]')].find(
      (candidate) => candidate.textContent?.trim() === itemLabel
    );
    if (item) {
      item.click();
      return;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
