/** Up to this many mark-compacts in a window count as none for the comparison. */
const FEW_MAJORS = 3;

/**
 * Whether two sides of a pair collected garbage in the same V8 heap-sizing regime over the window, judged by
 * their mark-compact counts: equal within a factor of two, or both next to none. A pair whose sides differ
 * (one still living off its start-up heap headroom with no mark-compact while the other runs one every second
 * or two) compares different amounts of GC work, not the agent's cost.
 */
export function gcRegimesMatch(majorsWith: number, majorsWithout: number): boolean {
  const [low, high] = majorsWith < majorsWithout ? [majorsWith, majorsWithout] : [majorsWithout, majorsWith];
  return high <= FEW_MAJORS || low * 2 >= high;
}
