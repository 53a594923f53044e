import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequestException, type ExceptionFilter } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * What answers a request Fastify refuses before any hook runs (a URL the router cannot decode):
 * set once the application exists, so that it gets a request id and the answer any other
 * refusal of its surface gets.
 */
export interface EarlyRefusals {
  identify?: (req: IncomingMessage, res: ServerResponse) => void;
  filter?: ExceptionFilter;
}

/** The answers to requests refused while their headers are read, by Node's error code. */
const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/** Nest's Fastify adapter with the service's HTTP rules. */
export function httpAdapter(bodyLimit: number, early: EarlyRefusals): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit,
    // Routing ignores case and a trailing slash (`/API/x/` reaches `/api/x`), and a path segment may be long
    // (the request line is bounded by Node's header limit anyway).
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 16 * 1024 },
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      early.identify?.(request.raw, reply.raw);
      early.filter?.catch(new BadRequestException(error.message), new ExecutionContextHost([request, reply]));
    },
    // Node's own limits, which Fastify would otherwise change: a request must arrive whole within
    // 5 minutes, and an idle keep-alive connection closes after 5 s.
    requestTimeout: 300_000,
    keepAliveTimeout: 5_000,
    // A request that is not HTTP at all, or whose headers are too large or too slow: the status
    // Node gives it, in the same error shape as every other refusal.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket) => {
      const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request'];
      const body = JSON.stringify({ statusCode: status, message });
      if (!socket.writable) return void socket.destroy();
      // Closed from this side once written: a client that never closes its own must not hold it open.
      socket.end(`HTTP/1.1 ${status} ${message}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`, () => socket.destroy());
    },
  });
}
