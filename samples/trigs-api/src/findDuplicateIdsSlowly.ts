export type DuplicateId = { id: number; count: number; firstIndex: number };

/**
 * Every id that occurs more than once, with how often and where first, found the accidentally quadratic
 * way: each id is looked up among all earlier ids. Deliberately slow, so the slow report's trace shows a
 * long span whose profile points here; a `Map` from id to entry would make it linear.
 */
export function findDuplicateIdsSlowly(ids: readonly number[]): DuplicateId[] {
  const duplicates: DuplicateId[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    let firstIndex = -1;
    for (let j = 0; j < i; j++) {
      if (ids[j] === id) {
        firstIndex = j;
        break;
      }
    }
    if (firstIndex < 0) {
      continue;
    }
    const known = duplicates.find((duplicate) => duplicate.id === id);
    if (known) {
      known.count++;
    } else {
      duplicates.push({ id, count: 2, firstIndex });
    }
  }
  return duplicates;
}
