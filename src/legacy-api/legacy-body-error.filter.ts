import { Catch, HttpException, NotFoundException, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { refusalStatus } from '../common/http-exception.filter.js';
import { answerLegacyFailure } from './legacy-exception.filter.js';
import { LegacyGates } from './legacy-gates.js';
import { resolveLegacyMethod } from './legacy-methods.js';
import type { LegacyRequest } from './legacy-params.js';

/** The routes of the legacy API (LegacyApiController), as Fastify names them. */
const LEGACY_ROUTES = new Set(['/billing/api/:method', '/api/:method']);
/** A legacy method's path, for a request refused before routing (a URL that cannot be decoded). */
export const LEGACY_PATH = /^\/(?:billing\/)?api\/([^/?]+)\/?(?:\?|$)/i;

/**
 * A body that cannot be read (malformed JSON, over the size limit, an unknown charset) or a path
 * that cannot be decoded fails before the route runs, so neither the hash guard nor the legacy exception filter sees it, and
 * the app would answer JSON. Legacy clients must get XML: this global filter answers such a
 * request to a legacy route as the API answers any request whose hashed parameters cannot be
 * read: the gate checks in their order, then `Incorrect hash` (counted like any wrong hash).
 * Every other failure that reaches it goes to the filter it was given.
 */
@Catch()
@Injectable()
export class LegacyBodyErrorFilter implements ExceptionFilter {
  private others: ExceptionFilter | undefined;

  constructor(private readonly gates: LegacyGates) {}

  /** The filter for everything that is not a legacy request's unreadable body. */
  answeringOthersWith(filter: ExceptionFilter): this {
    this.others = filter;
    return this;
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & LegacyRequest>();
    const method = host.getType() === 'http' && isClientError(error) ? legacyMethodOf(request) : null;
    if (method === null) {
      this.others?.catch(error, host);
      return;
    }
    try {
      this.gates.check(request, resolveLegacyMethod(method.name));
      this.gates.refuseHash(request);
    } catch (failure) {
      answerLegacyFailure(request, http.getResponse<FastifyReply>(), failure);
    }
  }
}

/** The method a legacy request names (undefined if its name cannot be decoded); null for any other request. */
function legacyMethodOf(request: FastifyRequest & LegacyRequest): { name: string | undefined } | null {
  const route = request.routeOptions?.url;
  if (route !== undefined) return LEGACY_ROUTES.has(route) ? { name: request.params.method } : null;
  const segment = LEGACY_PATH.exec(request.url)?.[1];
  return segment === undefined ? null : { name: decodeSegment(segment) };
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The parsers' refusals are 4xx HTTP exceptions (a path no route has is not one) or errors with
 * a 4xx status of Fastify's own (a body that does not inflate); anything else is unexpected.
 */
function isClientError(error: unknown): boolean {
  if (refusalStatus(error) !== undefined) return true;
  if (!(error instanceof HttpException) || error instanceof NotFoundException) return false;
  const status = error.getStatus();
  return status >= 400 && status < 500;
}
