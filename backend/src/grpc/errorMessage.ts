/** The text of anything thrown or rejected; never throws itself. */
export function errorMessage(error: unknown): string {
  try {
    if (error instanceof Error) {
      return error.message || error.name;
    }
    return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
  } catch {
    return 'unknown error';
  }
}
