/** A resource request the route cannot serve as asked; the message says what to change. */
export class BadRequest extends Error {}
