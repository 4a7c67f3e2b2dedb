import type { FlameGraph } from './types';

/**
 * The worked example of the Pyroscope reference (pyroscope-api.md §1.7) as Pyroscope encodes it: stacks
 * a;b self 3, a;c self 2, d self 4. For tests of everything that reads flame graphs.
 */
export const workedExampleGraph: FlameGraph = {
  names: ['total', 'd', 'a', 'c', 'b'],
  levels: [
    [0, 9, 0, 0],
    [0, 5, 0, 2, 0, 4, 4, 1],
    [0, 3, 3, 4, 0, 2, 2, 3],
  ],
  total: 9,
  maxSelf: 4,
};
