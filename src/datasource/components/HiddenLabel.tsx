import { css } from '@emotion/css';
import React from 'react';

const hidden = css({
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
});

/** A label for screen readers only: Combobox takes its name from a label, and a row of them has no room. */
export function HiddenLabel({ htmlFor, children }: { htmlFor: string; children: string }) {
  return (
    <label htmlFor={htmlFor} className={hidden}>
      {children}
    </label>
  );
}
