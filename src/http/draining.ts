import type { FastifyInstance } from 'fastify';
import type { DrainService } from '../lifecycle/drain.service.js';

/** Counts HTTP requests in flight; refuses new ones with 503 once the service is draining (graceful-shutdown.ts). */
export function draining(fastify: FastifyInstance, drain: DrainService): void {
  fastify.addHook('onRequest', (_request, reply, next) => {
    let done: () => void;
    try {
      done = drain.begin();
    } catch {
      void reply.code(503).header('Connection', 'close').send({ statusCode: 503, message: 'Server is shutting down' });
      return;
    }
    reply.raw.once('close', done);
    next();
  });
}
