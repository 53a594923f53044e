import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { LegacyError } from './legacy-error.js';
import type { LegacyRequest } from './legacy-params.js';
import { XML_CONTENT_TYPE, renderError } from './legacy-xml.js';

const logger = new Logger('LegacyApi');

/**
 * The legacy API's one exit for failures, guards included: every refusal becomes its Kolmisoft
 * XML answer, and anything unexpected a generic XML error, never a stack trace or a 5xx.
 */
@Catch()
export class LegacyExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    answerLegacyFailure(http.getRequest<LegacyRequest>(), http.getResponse<FastifyReply>(), exception);
  }
}

/** Writes the XML answer for a failure; shared with the handler for bodies that cannot be read. */
export function answerLegacyFailure(request: LegacyRequest, reply: FastifyReply, exception: unknown): void {
  const error = exception instanceof LegacyError ? exception : new LegacyError('internal');
  if (!(exception instanceof LegacyError)) {
    // The path only, never the query string or body: they carry the hash and user data.
    const path = (request.url ?? '').split('?')[0];
    const what = exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
    logger.error(`${request.method} ${path} failed: ${what}`, exception instanceof Error ? exception.stack : undefined);
  }
  if (reply.sent) return;
  void reply.status(error.httpStatus).header('Content-Type', XML_CONTENT_TYPE).send(renderError(error.kind));
}
