import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import { prepareComboboxes, selectOption, typeCustomOption } from '../../testing/selectOption';
import { LabelSelectorEditor } from './LabelSelectorEditor';
import type { LabelSource } from './LabelSource';

function labelSource(): LabelSource & { labelNames: jest.Mock; labelValues: jest.Mock } {
  return {
    labelNames: jest.fn(async () => ['pod', 'service_name', 'region']),
    labelValues: jest.fn(async (name: string) => (name === 'pod' ? ['api-1', 'api-2'] : ['checkout', 'cart'])),
  };
}

prepareComboboxes();

describe('LabelSelectorEditor', () => {
  it('shows each matcher as a row', () => {
    render(
      <LabelSelectorEditor
        value='{service_name="checkout", pod=~"api-.*"}'
        onChange={jest.fn()}
        labels={labelSource()}
      />
    );
    expect(screen.getByLabelText('Label selector 1 label')).toHaveValue('service_name');
    expect(screen.getByLabelText('Label selector 1 value')).toHaveValue('checkout');
    expect(screen.getByLabelText('Label selector 2 operator')).toHaveValue('=~');
    expect(screen.getByLabelText('Label selector 2 value')).toHaveValue('api-.*');
  });

  it('adds a filter from completions narrowed by the other rows', async () => {
    const labels = labelSource();
    const onChange = jest.fn();
    render(<LabelSelectorEditor value='{service_name="checkout"}' onChange={onChange} labels={labels} />);

    fireEvent.click(screen.getByRole('button', { name: 'Add a filter to Label selector' }));
    await selectOption('Label selector 2 label', 'pod');
    expect(labels.labelNames).toHaveBeenCalledWith('{service_name="checkout"}');
    // A row without a value is already a complete matcher (pod="").
    expect(onChange).toHaveBeenLastCalledWith('{service_name="checkout", pod=""}');

    await selectOption('Label selector 2 operator', '!=');
    await selectOption('Label selector 2 value', 'api-2');
    expect(labels.labelValues).toHaveBeenCalledWith('pod', '{service_name="checkout"}');
    expect(onChange).toHaveBeenLastCalledWith('{service_name="checkout", pod!="api-2"}');
  });

  it('takes a typed value (a regex) that is not among the completions', async () => {
    const onChange = jest.fn();
    render(<LabelSelectorEditor value='{pod=~""}' onChange={onChange} labels={labelSource()} />);
    await typeCustomOption('Label selector 1 value', 'api-.*');
    expect(onChange).toHaveBeenLastCalledWith('{pod=~"api-.*"}');
  });

  it('removes a row', () => {
    const onChange = jest.fn();
    render(<LabelSelectorEditor value='{a="1", b="2"}' onChange={onChange} labels={labelSource()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Label selector 1' }));
    expect(onChange).toHaveBeenCalledWith('{b="2"}');
  });

  describe('code mode', () => {
    it('edits the selector as text and takes it on blur', () => {
      const onChange = jest.fn();
      render(<LabelSelectorEditor value='{a="1"}' onChange={onChange} labels={labelSource()} />);
      fireEvent.click(screen.getByLabelText('Code'));
      const input = screen.getByLabelText('Label selector');
      fireEvent.change(input, { target: { value: '{a="1", b!~"x|y"}' } });
      expect(onChange).not.toHaveBeenCalled();
      fireEvent.blur(input);
      expect(onChange).toHaveBeenCalledWith('{a="1", b!~"x|y"}');

      fireEvent.click(screen.getByLabelText('Builder'));
      expect(screen.getByLabelText('Label selector 2 value')).toHaveValue('x|y');
    });

    it('opens a selector the builder cannot show in code mode, which stays editable', () => {
      const onChange = jest.fn();
      render(<LabelSelectorEditor value='{$label="x"}' onChange={onChange} labels={labelSource()} />);
      const input = screen.getByLabelText('Label selector');
      expect(input).toHaveValue('{$label="x"}');
      expect(screen.getByText(/The builder cannot show this selector/)).toBeInTheDocument();
      expect(screen.getByLabelText('Builder')).toBeDisabled();

      fireEvent.change(input, { target: { value: '{label="x"' } });
      fireEvent.keyDown(input, { key: 'Enter' });
      expect(onChange).toHaveBeenLastCalledWith('{label="x"');
      expect(input).not.toBeDisabled();

      fireEvent.change(input, { target: { value: '{label="x"}' } });
      expect(screen.getByLabelText('Builder')).not.toBeDisabled();
    });
  });

  it('follows a selector changed from outside', () => {
    const { rerender } = render(<LabelSelectorEditor value='{a="1"}' onChange={jest.fn()} labels={labelSource()} />);
    rerender(<LabelSelectorEditor value='{b="2"}' onChange={jest.fn()} labels={labelSource()} />);
    expect(screen.getByLabelText('Label selector 1 label')).toHaveValue('b');
    expect(screen.getByLabelText('Label selector 1 value')).toHaveValue('2');
  });
});
