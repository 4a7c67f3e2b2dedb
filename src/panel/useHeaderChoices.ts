import { type RefObject, useEffect, useRef } from 'react';

import { applyHeaderChoices } from './applyHeaderChoices';
import { PanelView } from './types';

type Choices = { view: PanelView; colorScheme: string; isDiff: boolean };

/**
 * Keeps the flame graph's view and colour scheme on the panel's options: on mount, only what differs from
 * @grafana/flamegraph's own defaults (Both; package colours, or green-red for a diff), later whatever the
 * panel editor changed. Data refreshes do not touch what the user chose in the header meanwhile.
 */
export function useHeaderChoices(rootRef: RefObject<HTMLElement | null>, { view, colorScheme, isDiff }: Choices): void {
  const applied = useRef<Choices | undefined>(undefined);
  useEffect(() => {
    const root = rootRef.current;
    if (!root) {
      return;
    }
    const previous = applied.current;
    // The flame graph resets its colours to its default when a frame turns from single to diff or back.
    const shownScheme =
      previous && previous.isDiff === isDiff ? previous.colorScheme : isDiff ? 'default' : 'packageBased';
    const shownView = previous?.view ?? PanelView.Both;
    applied.current = { view, colorScheme, isDiff };
    void applyHeaderChoices(root, {
      view: view !== shownView ? view : undefined,
      colorScheme: colorScheme !== shownScheme ? colorScheme : undefined,
    });
  }, [rootRef, view, colorScheme, isDiff]);
}
