/**
 * Reads `read()` every 50 ms until `done` accepts what it read, and returns that; after `timeoutMs` fails
 * saying what it waited for and what it read last. For what the page shows only after data arrived or a
 * debounce ran (a flame graph's rows, a search), where there is no single element to wait for.
 */
export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000
): Promise<T> {
  let last: T | undefined;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    last = await read();
    if (done(last)) {
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`waited ${timeoutMs / 1000} s for ${what}; last saw ${JSON.stringify(last)}`);
}
