/**
 * Work split into steps: a generator that yields between chunks of its loops, so a caller can spread it over
 * several macrotasks (`WindowEncoder`) or run it at once (`runSteps`).
 */
export type Steps<T> = Generator<void, T, void>;

/** How many loop iterations a step does between yields. */
export const STEP = 256;

/** Runs all steps now and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) {
      return next.value;
    }
  }
}
