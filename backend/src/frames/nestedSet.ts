import { PyroscopeError } from '../pyroscope/PyroscopeError';

/**
 * Pyroscope's per-node layout: values per node; per side, the column of the delta-encoded x offset (the
 * side's total is the next column); the column of the index into `names`.
 */
export type LevelLayout = { stride: number; xColumns: readonly number[]; nameColumn: number };

/** A flamebearer's nodes in nested-set order (depth-first: parents before children, children left to right). */
export type NestedSet = {
  /** Pyroscope's names table; `total` appended when the root names no entry of it. */
  names: string[];
  /** Per row, the index of its label in `names`. */
  name: Int32Array;
  level: Int32Array;
  /** One per-node column (e.g. 1 = total, 2 = self) for every row. */
  column(valueColumn: number): Float64Array;
};

/**
 * Orders the nodes of Pyroscope's level encoding depth-first. A node is a child of the first node of the
 * previous level whose range contains its range on every side; ranges are closed so that a node that is
 * empty on one side (a diff node present on the other side only) still sits inside its parent there, and a
 * non-empty side decides between neighbouring parents. Children of one parent are consecutive on their
 * level, so one two-pointer pass per level links the whole tree: O(n) time, typed arrays only.
 * No levels at all (no data) yields the root alone, at zero. Labels stay indexes into the names table:
 * no per-node string work.
 */
export function nestedSet(levels: Array<ArrayLike<number>>, names: string[], layout: LevelLayout): NestedSet {
  const { stride, xColumns, nameColumn } = layout;
  const input = levels.length > 0 ? levels : [new Float64Array(stride)];
  const depth = input.length;

  // Node ids run level by level, left to right: node i of level d is levelStart[d] + i.
  const levelStart = new Int32Array(depth + 1);
  for (let d = 0; d < depth; d++) {
    const length = input[d]!.length;
    if (length % stride !== 0) {
      throw malformed(`level ${d} holds ${length} values, not a multiple of ${stride}`);
    }
    levelStart[d + 1] = levelStart[d]! + length / stride;
  }
  if (levelStart[1] !== 1) {
    throw malformed(`level 0 holds ${levelStart[1]} nodes instead of the single root`);
  }
  const count = levelStart[depth]!;

  const xs = xColumns.map(() => new Float64Array(count));
  for (let d = 0; d < depth; d++) {
    const level = input[d]!;
    for (let side = 0; side < xColumns.length; side++) {
      const column = xColumns[side]!;
      const x = xs[side]!;
      let end = 0;
      for (let i = 0, id = levelStart[d]!; i < level.length; i += stride, id++) {
        const start = end + level[i + column]!;
        x[id] = start;
        end = start + level[i + column + 1]!;
      }
    }
  }

  const firstChild = new Int32Array(count);
  const childCount = new Int32Array(count);
  for (let d = 1; d < depth; d++) {
    const parents = input[d - 1]!;
    const children = input[d]!;
    const lastParent = levelStart[d]! - 1;
    let parent = levelStart[d - 1]!;
    let p = 0;
    for (let child = levelStart[d]!, c = 0; c < children.length; child++, c += stride) {
      while (!contains(parents, p, parent, children, c, child, xColumns, xs)) {
        if (parent === lastParent) {
          throw malformed(`node ${c / stride} of level ${d} lies outside every node of level ${d - 1}`);
        }
        parent++;
        p += stride;
      }
      const siblings = childCount[parent]!;
      if (siblings === 0) {
        firstChild[parent] = child;
      }
      childCount[parent] = siblings + 1;
    }
  }

  // Pyroscope's root names "total"; an answer without names (no data) gets that entry here.
  const rootName = input[0]![nameColumn]!;
  const table = rootName >= 0 && rootName < names.length ? names : [...names, 'total'];
  const name = new Int32Array(count);
  const level = new Int32Array(count);
  const offset = new Int32Array(count);
  const stack = new Int32Array(count);
  let top = 0;
  let row = 0;
  let d = 0;
  stack[top++] = 0;
  while (top > 0) {
    const id = stack[--top]!;
    while (id < levelStart[d]!) {
      d--;
    }
    while (id >= levelStart[d + 1]!) {
      d++;
    }
    const i = (id - levelStart[d]!) * stride;
    const nameIndex = id === 0 && table !== names ? names.length : input[d]![i + nameColumn]!;
    if (!(nameIndex >= 0 && nameIndex < table.length)) {
      throw malformed(`node ${i / stride} of level ${d} names entry ${nameIndex} of ${names.length}`);
    }
    name[row] = nameIndex;
    level[row] = d;
    offset[row] = i;
    row++;
    const first = firstChild[id]!;
    for (let c = first + childCount[id]! - 1; c >= first; c--) {
      stack[top++] = c;
    }
  }

  return {
    names: table,
    name,
    level,
    column(valueColumn: number): Float64Array {
      const values = new Float64Array(count);
      for (let r = 0; r < count; r++) {
        values[r] = input[level[r]!]![offset[r]! + valueColumn]!;
      }
      return values;
    },
  };
}

function contains(
  parents: ArrayLike<number>,
  p: number,
  parent: number,
  children: ArrayLike<number>,
  c: number,
  child: number,
  xColumns: readonly number[],
  xs: Float64Array[]
): boolean {
  for (let side = 0; side < xColumns.length; side++) {
    const totalColumn = xColumns[side]! + 1;
    const x = xs[side]!;
    const parentStart = x[parent]!;
    const childStart = x[child]!;
    if (childStart < parentStart || childStart + children[c + totalColumn]! > parentStart + parents[p + totalColumn]!) {
      return false;
    }
  }
  return true;
}

function malformed(detail: string): PyroscopeError {
  return new PyroscopeError(
    'upstream',
    `Pyroscope returned a flame graph that cannot be read (${detail}); check that the datasource URL points at Grafana Pyroscope`
  );
}
