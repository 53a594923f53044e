import { ServerResponse, type IncomingMessage } from 'node:http';
import type { FastifyHelmetOptions } from '@fastify/helmet';

/** What every answer of the service says, whatever answers it (§10 "Headers"). */
export const BASELINE_HEADERS: Readonly<Record<string, string>> = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/** The backoffice's answers hold account data: no browser or proxy keeps a copy. Routing ignores case. */
const NOT_STORED = /^\/back-api(?:[/?]|$)/i;

/** Whether the answer to a request for `url` must carry `Cache-Control: no-store`. */
const mustNotBeStored = (url: string | undefined): boolean => NOT_STORED.test(url ?? '');

/**
 * Node's response with the baseline headers set as it is made, so that no answer goes without
 * them: routes, 404s, refusals made before any hook runs, and the HTTP answers of socket.io
 * (Engine.IO answers its polling and handshake requests itself, outside Fastify). Given to
 * Node's server as its `ServerResponse` class (http-server.ts).
 */
export class SecuredResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  constructor(req: Request, options?: object) {
    // Node passes its options (highWaterMark, …) as a second argument the typings leave out.
    super(...([req, options] as unknown as [Request]));
    for (const [name, value] of Object.entries(BASELINE_HEADERS)) this.setHeader(name, value);
    if (mustNotBeStored(req.url)) this.setHeader('Cache-Control', 'no-store');
  }
}

/**
 * Helmet's headers on every answer Fastify gives, with one Content-Security-Policy for the
 * pages the service serves (the console at /console, Swagger UI at /docs) that no other answer
 * is hurt by: scripts only from the service's own files (Swagger UI's start script is a file,
 * /docs/swagger-ui-init.js), no framing at all, nothing loaded from elsewhere. Inline styles stay
 * allowed: Swagger UI's page carries `<style>` blocks and style attributes, and a style cannot
 * run code.
 *
 * No `upgrade-insecure-requests`, and HSTS only when PUBLIC_URL is https: the service is often
 * reached over plain http (locally, or behind a proxy that terminates TLS), where either would
 * send browsers to an https port nobody listens on. With an https PUBLIC_URL, browsers that
 * reach it through the proxy remember to use https for a year (not for subdomains, which the
 * service knows nothing about).
 */
export function helmetOptions(publicUrl: string | null): FastifyHelmetOptions {
  const secure = publicUrl?.startsWith('https://') ?? false;
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'none'"],
        // Swagger UI's "Try it out" calls the document's server, PUBLIC_URL when set.
        'connect-src': ["'self'", ...(publicUrl ? [new URL(publicUrl).origin] : [])],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
      },
    },
    strictTransportSecurity: secure ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  };
}
