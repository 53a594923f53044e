import type { HttpTimeouts } from '../config/app-config.js';

/** How long an idle keep-alive connection stays open. */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/**
 * How often Node looks for requests past their time limits (its default, 30 s, would let a
 * request meant to be cut at 15 s run to 45 s).
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/**
 * A slow client holds a connection and its memory only so long (§10 "Floods"): headers within
 * HTTP_HEADERS_TIMEOUT_MS (15 s by default), the whole request within HTTP_REQUEST_TIMEOUT_MS
 * (30 s), else 408 (early-refusals.ts); an idle keep-alive connection closes after 5 s.
 * Fastify's options, and the Node server options among them (`http`).
 */
export function timeoutOptions(timeouts: HttpTimeouts) {
  return {
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
  } as const;
}
