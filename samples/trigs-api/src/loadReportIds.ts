/** `count` order ids (numbers) in which every `duplicateEvery`-th repeats an earlier one: the slow report's input. */
export function loadReportIds(count: number, duplicateEvery = 50): number[] {
  const ids: number[] = [];
  for (let index = 0; index < count; index++) {
    const source = index % duplicateEvery === duplicateEvery - 1 ? index - duplicateEvery + 1 : index;
    ids.push(10_000_000 + source);
  }
  return ids;
}
