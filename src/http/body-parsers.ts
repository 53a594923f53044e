import { parse as parseQueryString } from 'node:querystring';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HttpException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Most names one form may carry. */
const MAX_FORM_PARAMETERS = 1000;

/** The charsets each body type is read in, by their names in Content-Type (TextDecoder's names). */
const JSON_CHARSETS = new Map([['utf-8', 'utf-8'], ['utf8', 'utf-8'], ['utf-16', 'utf-16le'], ['utf-16le', 'utf-16le'], ['utf-16be', 'utf-16be']]);
const FORM_CHARSETS = new Map([['utf-8', 'utf-8'], ['utf8', 'utf-8'], ['iso-8859-1', 'latin1'], ['latin1', 'latin1']]);

/** The Content-Encodings a body may arrive in. */
const DECODERS: Record<string, () => Transform> = { gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress };

/** `type/subtype` and parameters, as RFC 9110 writes a media type; anything else names no type. */
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~\w-]+\/[!#$%&'*+.^_`|~\w-]+\s*(;.*)?$/;

/**
 * A body that cannot be read as its headers say: malformed (400), too many form fields (413),
 * an unknown charset or content encoding (415). A body over the size limit is Fastify's own
 * 413. The REST surface answers these as JSON, the legacy API as its XML (LegacyBodyErrorFilter).
 */
export class UnreadableBodyError extends HttpException {
  constructor(status: 400 | 413 | 415, message: string) {
    super(message, status);
  }
}

/**
 * The bodies the service reads: JSON objects and arrays (an empty body is `{}`), in UTF-8 or
 * UTF-16; URL-encoded forms, with repeated names as arrays (never nested objects), in UTF-8 or
 * ISO-8859-1; gzip, deflate or br encoded or not; on any method but HEAD (legacy clients send
 * forms with GET too). A Content-Type that is empty or not a media type names no type, and a
 * body of any other type is read up to the limit and ignored, so a route sees no body (the
 * backoffice refuses it with 415, json-body-policy.ts).
 */
export function registerBodyParsers(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addHttpMethod('GET', { hasBody: true, overrideExisting: true });
  fastify.removeAllContentTypeParsers();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const type = request.headers['content-type'];
    if (type !== undefined && !MEDIA_TYPE.test(type.trim())) delete request.headers['content-type'];
    done();
  });
  fastify.addHook('preParsing', (request, reply, payload, done) => {
    const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    // HEAD bodies are never read, so there is nothing to inflate.
    if (encoding === 'identity' || request.method === 'HEAD') return done(null, payload);
    const decoder = DECODERS[encoding];
    if (!decoder) return done(new UnreadableBodyError(415, `Unsupported content encoding "${encoding}"`), payload);
    const inflating = decoded(payload, decoder());
    // Once answered (a body over the limit is answered before it has all arrived), stop inflating.
    reply.raw.once('close', () => inflating.destroy());
    done(null, inflating);
  });
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, parsing((request, body) => parseJson(decode(body, encodingOf(request, JSON_CHARSETS)))));
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit }, parsing((request, body) => {
    const encoding = encodingOf(request, FORM_CHARSETS);
    return parseForm(decode(body, encoding), encoding === 'latin1');
  }));
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, _body, done) => done(null, undefined));
}

/**
 * The body inflated. Fastify checks Content-Length against `receivedEncodedLength` when the
 * stream has one, and the size limit against what it reads: the inflated bytes. It stops
 * listening once it has refused a body, so the stream keeps a listener of its own for errors
 * that come after (the rest of a corrupt body): they must not take the process down.
 */
function decoded(payload: Readable, decoder: Transform): Transform {
  const stream = decoder as Transform & { receivedEncodedLength: number };
  stream.receivedEncodedLength = 0;
  stream.on('error', () => undefined);
  payload.on('data', (chunk: Buffer) => (stream.receivedEncodedLength += chunk.length));
  payload.on('error', (error) => stream.destroy(error));
  return payload.pipe(stream);
}

/** A content type parser over `parse`: what it gives is the body, what it throws the refusal. */
function parsing(parse: (request: FastifyRequest, body: Buffer) => unknown) {
  return (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, body?: unknown) => void): void => {
    try {
      done(null, parse(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  };
}

/** The decoder's name for the request's charset (UTF-8 when none is named), if it is one of `charsets`. */
function encodingOf(request: FastifyRequest, charsets: Map<string, string>): string {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
  const encoding = charsets.get(charset);
  if (encoding === undefined) throw new UnreadableBodyError(415, `Unsupported charset "${charset.toUpperCase()}"`);
  return encoding;
}

/** The body as text, without a byte order mark. */
function decode(body: Buffer, encoding: string): string {
  // TextDecoder's "latin1" is Windows-1252; Buffer's is ISO-8859-1, one byte one code point.
  return encoding === 'latin1' ? body.toString('latin1') : new TextDecoder(encoding).decode(body);
}

/** Strict: only an object or an array is a JSON body. */
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

function parseForm(text: string, latin1: boolean): Record<string, string | string[]> {
  // One more than allowed, to know whether the limit was passed. In an ISO-8859-1 form a
  // percent-escape is one byte, one character.
  const form = parseQueryString(text, '&', '=', { maxKeys: MAX_FORM_PARAMETERS + 1, ...(latin1 ? { decodeURIComponent: unescape } : {}) });
  if (Object.keys(form).length > MAX_FORM_PARAMETERS) throw new UnreadableBodyError(413, 'Too many parameters');
  // querystring gives a null-prototype object: a name such as `__proto__` is just a name.
  return form as Record<string, string | string[]>;
}
