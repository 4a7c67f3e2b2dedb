/** The backend's message from a failed request (`{data: {message}}`, as getBackendSrv rejects), or the error's own. */
export function errorMessage(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const data = (err as { data?: { message?: unknown } }).data;
    if (typeof data?.message === 'string' && data.message !== '') {
      return data.message;
    }
    const message = (err as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') {
      return message;
    }
  }
  return String(err);
}
