import * as grpc from '@grpc/grpc-js';

import { errorMessage } from './errorMessage';
import type { Logger } from './hclogLogger';

/**
 * Answers a unary call once `reply` settles. Services build replies that do not reject; should one
 * still do, Grafana gets an INTERNAL status and the process no unhandled rejection.
 */
export function sendUnaryReply<T>(callback: grpc.sendUnaryData<T>, reply: Promise<T>, logger: Logger): void {
  reply
    .then(
      (value) => callback(null, value),
      (error: unknown) => {
        logger.error('a call failed without an answer', { error: errorMessage(error) });
        callback({ code: grpc.status.INTERNAL, details: errorMessage(error) });
      }
    )
    .catch((error: unknown) => logger.error('could not send an answer', { error: errorMessage(error) }));
}
