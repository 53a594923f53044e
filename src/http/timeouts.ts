/** How long a client may take to send a request's headers, and the whole request (§10 "Floods"). */
export const HEADERS_TIMEOUT_MS = 15_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** How long an idle keep-alive connection stays open. */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/**
 * How often Node looks for requests past those limits (its default, 30 s, would let a request
 * meant to be cut at 15 s run to 45 s).
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/**
 * A slow client holds a connection and its memory only so long: headers within 15 s, the whole
 * request within 30 s, else 408 (early-refusals.ts); an idle keep-alive connection closes after 5 s.
 * Fastify's options, and the Node server options among them (`http`).
 */
export const TIMEOUT_OPTIONS = {
  requestTimeout: REQUEST_TIMEOUT_MS,
  keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  http: { headersTimeout: HEADERS_TIMEOUT_MS, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
} as const;
