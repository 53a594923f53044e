import type { FastifyInstance } from 'fastify';
import { DomainError } from '../common/errors.js';

/** The methods an `Allow` header may name; Fastify's WebDAV extras are never routed here. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * A known path called with a method it does not take is 405 with `Allow` (RFC 9110 §15.5.6), not
 * 404: Fastify's router answers 404 for both. A request no route of its method matches asks the
 * router (`findRoute`, which matches a concrete path as it matches requests: case-insensitive,
 * trailing slash ignored) for every other method; if one answers, the refusal is a coded
 * `method_not_allowed`, which the surface's error mapping turns into its body. Paths under
 * `keep404` keep their 404 (the legacy API: its clients were written against the Kolmisoft
 * server, and it answers only what that server answers).
 */
export function methodNotAllowed(fastify: FastifyInstance, options: { keep404: readonly RegExp[] }): void {
  // A callback hook: every request passes here, and a routed one leaves at once.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.url !== undefined) return done();
    const path = request.url.split('?')[0];
    const allowed = options.keep404.some((pattern) => pattern.test(path)) ? [] : allowedMethods(fastify, path);
    if (allowed.length === 0) return done();
    void reply.header('Allow', allowed.join(', '));
    done(new DomainError('method_not_allowed', `${request.method} is not allowed on ${pathOf(path)}; allowed: ${allowed.join(', ')}`));
  });
}

function allowedMethods(fastify: FastifyInstance, path: string): string[] {
  return METHODS.filter((method) => fastify.findRoute({ method, url: path }) !== null);
}

/** The path as the caller wrote it, bounded: it is echoed in the message. */
const pathOf = (path: string) => (path.length > 200 ? `${path.slice(0, 200)}…` : path);
