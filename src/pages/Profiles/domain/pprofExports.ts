import { flameGraphRange, type PlannedQuery, type SideRanges } from './buildQueries';
import { exportFileName } from './exportFileName';
import type { ProfilesState } from './ProfilesState';
import { sideSelector } from './sideSelector';

export type PprofExport = { label: string; request: PlannedQuery; fileName: string };

/** The profiles the page can download as pprof: its flame graph's, or each side's of a diff. */
export function pprofExports(state: ProfilesState, ranges: SideRanges): PprofExport[] {
  const sides =
    state.mode === 'diff'
      ? [
          { label: 'Baseline as pprof', side: state.main, range: ranges.main },
          { label: 'Comparison as pprof', side: state.comparison, range: ranges.comparison },
        ]
      : [{ label: 'pprof', side: state.main, range: ranges.main }];
  return sides
    .filter(({ side }) => side.profileTypeId !== '')
    .map(({ label, side, range }) => {
      const fgRange = flameGraphRange(side, range);
      return {
        label,
        request: {
          query: { refId: 'pprof', profileTypeId: side.profileTypeId, labelSelector: sideSelector(side) },
          range: fgRange,
        },
        fileName: exportFileName(side, fgRange, 'pb.gz'),
      };
    });
}
