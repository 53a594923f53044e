import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import { DomainError } from './errors.js';

/** What a refusal of the request itself says, by status; any other status says its HTTP name. */
const REFUSAL_MESSAGES: Record<number, string> = { 400: 'Malformed request body', 413: 'Request body too large' };

/**
 * The REST surface's one error mapping: `{ statusCode, message }`. Domain errors keep their
 * code's status and message; HTTP exceptions theirs; anything else is a 500 that says nothing
 * about internals (the details go to the log).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { statusCode, message } = this.describe(error);
    if (reply.sent) return;
    // Rate limits refill at least one request per second (REST_RATE_PER_SECOND >= 1).
    if (statusCode === 429) void reply.header('Retry-After', '1');
    void reply.status(statusCode).send({ statusCode, message });
  }

  private describe(error: unknown): { statusCode: number; message: string | string[] } {
    if (error instanceof DomainError) return { statusCode: error.status, message: error.message };
    // Fastify's own refusals of a request reach here wrapped by Nest (the cause) or as they are.
    const refusal = refusalStatus(error instanceof HttpException ? error.cause : error);
    if (refusal !== undefined) return { statusCode: refusal, message: REFUSAL_MESSAGES[refusal] ?? STATUS_CODES[refusal] ?? 'Bad request' };
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const message = typeof body === 'object' && body !== null && 'message' in body ? (body as { message: string | string[] }).message : error.message;
      return { statusCode: error.getStatus(), message };
    }
    this.logger.error(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    return { statusCode: 500, message: 'Internal server error' };
  }
}

/**
 * The 4xx status of a refusal of the request itself, before any route ran: a body too large, a
 * Content-Length that does not match, a body that does not inflate. Such errors carry a
 * `statusCode`; Nest's own exceptions do not.
 */
export function refusalStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || error instanceof HttpException) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
