import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_BODY_DEPTH } from './body-limits.js';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * The REST API (every route under `prefix`) reads JSON bodies only. Two things the body parsers
 * alone would let through are refused here, after parsing and before validation sees the body:
 * - a body of another type (a form, text) would reach the handler as an empty object and be
 *   answered as if nothing had been asked: 415;
 * - a body nested thousands of levels deep exhausts the stack of the recursive transformer
 *   behind validation, a 500: 400 instead. The walk is iterative, so the check cannot do the same.
 */
export function jsonBodyPolicy(fastify: FastifyInstance, prefix: string): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    // The route's pattern, not the raw path: routing ignores case and a trailing slash.
    if (!request.routeOptions.url?.startsWith(prefix)) return done();
    if (hasBody(request) && !JSON_TYPE.test(request.headers['content-type'] ?? '')) {
      return done(new UnsupportedMediaTypeException('Request body must be JSON (Content-Type: application/json)'));
    }
    if (nestsDeeperThan(request.body, MAX_BODY_DEPTH)) {
      return done(new BadRequestException(`Request body must nest at most ${MAX_BODY_DEPTH} levels`));
    }
    done();
  });
}

/** As HTTP defines it: a length that is not zero, or a chunked body. */
function hasBody(request: FastifyRequest): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = request.headers['content-length'];
  return length !== undefined && length !== '0';
}

function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}
