/** A query the datasource cannot run as written; `message` says what to change. Answered with status 400. */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}
