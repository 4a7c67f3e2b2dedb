import type { MixEntry } from './types';

/**
 * The mix as a fixed request order, one cycle of `sum of weights` requests, spread evenly (smooth weighted
 * round-robin): every stretch of the run has the mix's proportions, so two generators that sent about as
 * many requests sent the same work. That is what lets the agent benchmark compare CPU per request.
 */
export function mixSequence(mix: readonly MixEntry[]): MixEntry[] {
  const weights = mix.map((entry) => entry.weight);
  if (
    mix.length === 0 ||
    weights.some((weight) => !Number.isInteger(weight) || weight < 0) ||
    weights.every((weight) => weight === 0)
  ) {
    throw new Error('a mix needs at least one entry and whole, non-negative weights that are not all 0');
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const current = mix.map(() => 0);
  const sequence: MixEntry[] = [];
  for (let step = 0; step < total; step++) {
    let best = 0;
    for (let index = 0; index < mix.length; index++) {
      current[index]! += weights[index]!;
      if (current[index]! > current[best]!) {
        best = index;
      }
    }
    current[best]! -= total;
    sequence.push(mix[best]!);
  }
  return sequence;
}
