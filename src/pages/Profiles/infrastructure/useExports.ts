import { type DataFrame, toDataFrameDTO } from '@grafana/data';
import { type RefObject, useState } from 'react';

import type { ProfilesDataSource } from '../../../datasource/ProfilesDataSource';
import { errorMessage } from '../../../shared/errorMessage';
import { flameGraphRange, type SideRanges } from '../domain/buildQueries';
import { exportFileName } from '../domain/exportFileName';
import type { ProfilesState } from '../domain/ProfilesState';
import { pprofExports } from '../domain/pprofExports';
import { downloadBlob } from './downloadBlob';
import { exportPprof } from './exportPprof';
import { flameGraphPng } from './flameGraphPng';

export type Exports = {
  pprof: Array<{ label: string; onClick: () => void }>;
  json: () => void;
  png: () => void;
  /** Why the last export failed, as the backend or the browser said it. */
  error?: string;
  clearError: () => void;
};

/** The page's downloads: pprof through the backend, the flame graph frames as JSON, its canvas as PNG. */
export function useExports(
  datasource: ProfilesDataSource | undefined,
  state: ProfilesState,
  ranges: SideRanges,
  frames: DataFrame[][] | undefined,
  section: RefObject<HTMLElement | null>
): Exports {
  const [error, setError] = useState<string>();
  const run = (work: () => Promise<void>) => {
    setError(undefined);
    work().catch((err: unknown) => setError(errorMessage(err)));
  };
  const fileRange = flameGraphRange(state.main, ranges.main);
  return {
    pprof: pprofExports(state, ranges).map(({ label, request, fileName }) => ({
      label,
      onClick: () => datasource && run(() => exportPprof(datasource, request, fileName)),
    })),
    json: () => {
      const json = JSON.stringify({ frames: (frames ?? []).flat().map(toDataFrameDTO) }, null, 1);
      downloadBlob(new Blob([json], { type: 'application/json' }), exportFileName(state.main, fileRange, 'json'));
    },
    png: () =>
      run(async () => {
        const png = section.current ? await flameGraphPng(section.current) : null;
        if (!png) {
          throw new Error('There is no flame graph on the page to save');
        }
        downloadBlob(png, exportFileName(state.main, fileRange, 'png'));
      }),
    error,
    clearError: () => setError(undefined),
  };
}
