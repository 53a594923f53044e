import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequestException, type ExceptionFilter } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpTimeouts } from '../config/app-config.js';
import type { TrustedProxies } from './client-address.js';
import { BASELINE_HEADERS, SecuredResponse } from './security-headers.js';

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

/** Every header a refusal written straight to the socket carries, as header lines. */
const RAW_REFUSAL_HEADERS = Object.entries({ ...BASELINE_HEADERS, 'Cache-Control': 'no-store' })
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');

/**
 * How often Node looks for requests past their time limits (HttpTimeouts; its default, 30 s,
 * would let a request meant to be cut at 15 s run to 45 s).
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/** Nest's Fastify adapter with the service's HTTP rules. */
export function httpAdapter(bodyLimit: number, early: EarlyRefusals, proxies: TrustedProxies, timeouts: HttpTimeouts): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit,
    // `request.ip` is the client address of every other surface (client-address.ts): through
    // trusted proxies only, the right-most X-Forwarded-For entry not itself a trusted proxy.
    trustProxy: (address: string) => proxies.isTrusted(address),
    // Routing ignores case and a trailing slash (`/API/x/` reaches `/api/x`), and a path segment may be long
    // (the request line is bounded by Node's header limit anyway).
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 16 * 1024 },
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      early.identify?.(request.raw, reply.raw);
      early.filter?.catch(new BadRequestException(error.message), new ExecutionContextHost([request, reply]));
    },
    // A slow client holds a connection and its memory only so long: headers within 15 s, the
    // whole request within 30 s (by default), else 408 (below); an idle keep-alive connection closes after 5 s.
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: 5_000,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS, ServerResponse: SecuredResponse },
    // A request that is not HTTP at all, whose headers are too large, or that is too slow: the
    // status Node gives it, in the same error shape and with the same headers as every other refusal.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket) => {
      const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request'];
      const body = JSON.stringify({ statusCode: status, message });
      // Nothing can be added to an answer already begun (a request that timed out while its answer streamed).
      const answering = (socket as typeof socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
      if (!socket.writable || answering?.headersSent) return void socket.destroy();
      // Closed from this side once written: a client that never closes its own must not hold it open.
      socket.end(
        `HTTP/1.1 ${status} ${message}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${body.length}\r\n${RAW_REFUSAL_HEADERS}Connection: close\r\n\r\n${body}`,
        () => socket.destroy(),
      );
    },
  });
}
