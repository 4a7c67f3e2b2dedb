import { fireEvent, screen } from '@testing-library/react';

/**
 * What @grafana/ui's Combobox needs from jsdom: text measuring (it sizes its menu with a canvas) and element
 * sizes (its option list is virtualised and draws only rows that fit). Call at the top of a test file.
 */
export function prepareComboboxes(): void {
  // Each pick waits for a debounced async load and renders a floating menu: slow on a busy machine.
  jest.setTimeout(30_000);
  beforeAll(() => {
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({
      measureText: (text: string) => ({ width: text.length * 7 }),
    } as unknown as CanvasRenderingContext2D);
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
  });
}

/** Opens the Combobox labelled `label` and clicks the option that starts with `option` once it has loaded. */
export async function selectOption(label: string, option: string): Promise<void> {
  const input = screen.getByLabelText(label);
  fireEvent.focus(input);
  fireEvent.click(input);
  fireEvent.click(await screen.findByRole('option', { name: startsWith(option) }, PATIENT));
}

/** Types `text` into the Combobox labelled `label` and takes it as a custom value. */
export async function typeCustomOption(label: string, text: string): Promise<void> {
  const input = screen.getByLabelText(label);
  fireEvent.focus(input);
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.click(await screen.findByRole('option', { name: startsWith(`${text} Use custom value`) }, PATIENT));
}

const PATIENT = { timeout: 10_000 };

function startsWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}
