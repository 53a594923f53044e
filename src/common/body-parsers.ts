import { parse as parseQueryString } from 'node:querystring';
import { HttpException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Most names one form may carry (as body-parser's `parameterLimit`). */
const MAX_FORM_PARAMETERS = 1000;
const UTF8 = /^utf-?8$/i;

/**
 * A body that cannot be read as its Content-Type says: malformed (400), too many form fields
 * (413), an unknown charset (415). A body over the size limit is Fastify's own 413. The REST surface answers these as JSON, the
 * legacy API as its XML (LegacyBodyErrorFilter).
 */
export class UnreadableBodyError extends HttpException {
  constructor(status: 400 | 413 | 415, message: string) {
    super(message, status);
  }
}

/**
 * The bodies the service reads: JSON objects and arrays
 * (an empty body is `{}`), URL-encoded forms with repeated names as arrays (never nested
 * objects), both UTF-8 only; any other type is read up to the limit and ignored, so a route
 * sees no body (the backoffice refuses it with 415, json-body-policy.ts).
 */
export function registerBodyParsers(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  // An empty Content-Type names no type, as if absent (Fastify would refuse it with 415).
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.headers['content-type']?.trim() === '') delete request.headers['content-type'];
    done();
  });
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, text, done) => {
    try {
      requireUtf8(request);
      done(null, parseJson(text as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit }, (request, text, done) => {
    try {
      requireUtf8(request);
      done(null, parseForm(text as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, _body, done) => done(null, undefined));
}

function requireUtf8(request: FastifyRequest): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
  if (charset !== undefined && !UTF8.test(charset)) throw new UnreadableBodyError(415, `Unsupported charset "${charset.toUpperCase()}"`);
}

/** Strict, as body-parser's default: only an object or an array is a JSON body. */
function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UnreadableBodyError(400, 'Malformed request body');
  }
  if (typeof value !== 'object' || value === null) throw new UnreadableBodyError(400, 'Malformed request body');
  return value;
}

function parseForm(text: string): Record<string, string | string[]> {
  // One more than allowed, to know whether the limit was passed.
  const form = parseQueryString(text, '&', '=', { maxKeys: MAX_FORM_PARAMETERS + 1 });
  if (Object.keys(form).length > MAX_FORM_PARAMETERS) throw new UnreadableBodyError(413, 'Too many parameters');
  // querystring gives a null-prototype object: a name such as `__proto__` is just a name.
  return form as Record<string, string | string[]>;
}
