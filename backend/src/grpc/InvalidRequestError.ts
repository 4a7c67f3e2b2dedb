/** A request from Grafana that cannot be converted (e.g. jsonData that is not JSON): answered with 400. */
export class InvalidRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}
