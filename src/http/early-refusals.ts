import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { BadRequestException, type ExceptionFilter } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BASELINE_HEADERS } from './security-headers.js';

/**
 * What answers a request Fastify refuses before any hook runs (a URL the router cannot decode):
 * set once the application exists, so that it gets a request id and the answer any other
 * refusal of its surface gets.
 */
export interface EarlyRefusals {
  identify?: (req: IncomingMessage, res: ServerResponse) => void;
  filter?: ExceptionFilter;
}

/** Fastify's `frameworkErrors`: a request its router refused, answered as `early` says. */
export function frameworkErrors(early: EarlyRefusals) {
  return (error: Error, request: FastifyRequest, reply: FastifyReply): void => {
    early.identify?.(request.raw, reply.raw);
    early.filter?.catch(new BadRequestException(error.message), new ExecutionContextHost([request, reply]));
  };
}

/** The answers to requests refused while their headers are read, by Node's error code. */
const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/** Every header a refusal written straight to the socket carries, as header lines. */
const RAW_REFUSAL_HEADERS = Object.entries({ ...BASELINE_HEADERS, 'Cache-Control': 'no-store' })
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');

/**
 * Fastify's `clientErrorHandler`: a request that is not HTTP at all, whose headers are too
 * large, or that is too slow gets the status Node gives it, in the same error shape and with the
 * same headers as every other refusal, written straight to the socket.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request'];
  const body = JSON.stringify({ statusCode: status, message });
  // Nothing can be added to an answer already begun (a request that timed out while its answer streamed).
  const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || answering?.headersSent) return void socket.destroy();
  // Closed from this side once written: a client that never closes its own must not hold it open.
  socket.end(
    `HTTP/1.1 ${status} ${message}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${body.length}\r\n${RAW_REFUSAL_HEADERS}Connection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}
