import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { HttpLogger } from 'pino-http';
import { inRequestContext, requestIdentifier } from '../observability/logging.js';

/**
 * Each request's id and logger (observability/logging.ts), from the first hook, and the rest of
 * its handling inside that logger's context: again from `preHandler`, since reading the body
 * resumes outside any context. Gives the function that identifies a request, for the few
 * refused before any hook runs (early-refusals.ts).
 */
export function requestLogging(fastify: FastifyInstance, httpLogger: HttpLogger): (req: IncomingMessage, res: ServerResponse) => void {
  const identify = requestIdentifier(httpLogger);
  fastify.addHook('onRequest', (request, reply, done) => {
    identify(request.raw, reply.raw);
    inRequestContext(request.raw, done);
  });
  fastify.addHook('preHandler', (request, _reply, done) => inRequestContext(request.raw, done));
  return identify;
}
