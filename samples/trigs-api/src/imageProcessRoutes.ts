import { HttpError } from './HttpError';
import { type ImageJob, processImage } from './processImage';
import type { Route } from './Route';

const PATH = '/v1/images/process';

/** `POST /v1/images/process` with a JSON job (`{"size":128,"kernel":"blur","kernelSize":5,"passes":1}`). */
export const imageProcessPostRoute: Route = {
  method: 'POST',
  path: PATH,
  handle({ body }, tracer) {
    if (body === undefined) {
      return { status: 200, body: processImage({}, tracer) };
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new HttpError(400, 'the body must be a JSON object such as {"size":128,"kernel":"blur"}');
    }
    return { status: 200, body: processImage(body as ImageJob, tracer) };
  },
};

/** `GET /v1/images/process?size=128&kernel=blur&kernelSize=5&passes=1`: the same job from query parameters. */
export const imageProcessGetRoute: Route = {
  method: 'GET',
  path: PATH,
  handle({ url }, tracer) {
    return { status: 200, body: processImage(Object.fromEntries(url.searchParams) as ImageJob, tracer) };
  },
};
