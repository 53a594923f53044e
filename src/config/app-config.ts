import type { TrustedProxies } from '../common/client-address.js';

/** The service's whole configuration, validated once at start-up and read everywhere else. */
export type DatabaseConfig =
  /** busyTimeoutMs: how long a write waits while another process holds SQLite's write lock, then fails as an outage (503). */
  | { readonly type: 'sqlite'; readonly path: string; readonly busyTimeoutMs: number }
  | { readonly type: 'postgres'; readonly url: string; readonly poolSize: number };

export interface JwtConfig {
  /** HS256 secret; null when RS256 is configured instead. */
  readonly secret: string | null;
  /** PEM public key for RS256; takes precedence over the secret. */
  readonly publicKey: string | null;
  readonly issuer: string | null;
  readonly audience: string | null;
  /** RS256 keys from the identity provider (a JWKS document), refreshed on an unknown `kid`. */
  readonly jwksUrl: string | null;
  /** Longest lifetime accepted: `exp` − (`iat`, or now without `iat`), in seconds. */
  readonly maxAgeSeconds: number;
  /** True when the secret is the generated development one (never allowed in production). */
  readonly isDevelopmentSecret: boolean;
}

export interface LegacyApiConfig {
  readonly enabled: boolean;
  readonly secret: string | null;
  readonly allowGet: boolean;
  readonly balanceGetEnabled: boolean;
  readonly numberDigits: number;
  readonly hashFailLimit: number;
  readonly hashFailWindowSeconds: number;
  /** `user_balance_update` without `request_id` is refused (an identical replay would credit again). */
  readonly requireRequestId: boolean;
  /** When set, only these addresses (or CIDRs) may call the legacy API. */
  readonly allowedIps: TrustedProxies | null;
}

/** The limits that keep a flood or an oversized request from becoming an outage or money. */
export interface SecurityLimits {
  /** Largest amount one request may move, in whole units of any asset. */
  readonly maxAmount: bigint;
  /** Failed authentications per address within 60 s before the address is refused outright. */
  readonly authFailLimit: number;
  readonly socketsPerUser: number;
  readonly socketsPerAddress: number;
  /** Socket credentials may come in the URL (`?token=`, `?sessionId=`), as 2.x clients send them. */
  readonly socketQueryTokens: boolean;
  /** An Engine.IO connection that has not completed the socket.io handshake by then is closed (longer with introspection: balance-io.adapter.ts). */
  readonly socketHandshakeMs: number;
  /** Refusals stored per idempotency scope (a socket user, a REST path) in each 24 h window; beyond it, 429. */
  readonly storedRefusalsPerDay: number;
}

/** OAuth 2.0 token introspection (RFC 7662) of opaque session tokens; null when not configured. */
export interface IntrospectionConfig {
  readonly url: string;
  /** HTTP Basic client credentials; both null for an endpoint that needs none (never in production). */
  readonly clientId: string | null;
  readonly clientSecret: string | null;
  /** How long an active answer is reused; never beyond the answer's `exp`. 0 disables the cache. */
  readonly cacheSeconds: number;
  /** A request slower than this refuses the credential. */
  readonly timeoutMs: number;
}

/** How long a client may take over a request (§10 "Floods"); 15 s for the headers and 30 s for the whole request by default. */
export interface HttpTimeouts {
  readonly headersMs: number;
  readonly requestMs: number;
}

export interface WebhooksConfig {
  /** Webhook URLs may reach loopback, private and other non-public addresses (tests, private networks). */
  readonly allowPrivate: boolean;
  /** A 2xx within this long delivers; no answer in time is a failed attempt (15 s by default, CONTRACT §9). */
  readonly timeoutMs: number;
  /**
   * A claimed delivery stays an instance's for its attempt's time limit and this long beyond (10 s
   * by default): how long a killed instance's claims wait before another instance sends them.
   */
  readonly leaseMarginMs: number;
}

export interface AppConfig {
  readonly production: boolean;
  readonly port: number;
  readonly database: DatabaseConfig;
  /**
   * How long after it began a ledger transaction may still commit (5 s, CONTRACT §8; may only be
   * shorter, which keeps the contract's promise too).
   */
  readonly commitDeadlineMs: number;
  readonly jwt: JwtConfig;
  readonly introspection: IntrospectionConfig | null;
  readonly tokenAsset: string;
  readonly rootAsset: string;
  readonly defaultCurrency: string;
  readonly legacy: LegacyApiConfig;
  readonly redisUrl: string | null;
  readonly socketPath: string;
  /** `network.id` in `user_info` when the token has no `network` claim. */
  readonly networkId: string;
  /** Balance API requests per user: sustained per second, and burst. */
  readonly socketRate: { readonly perSecond: number; readonly burst: number };
  /** Authenticated REST requests per user: sustained per second, and burst. */
  readonly restRate: { readonly perSecond: number; readonly burst: number };
  readonly limits: SecurityLimits;
  readonly httpTimeouts: HttpTimeouts;
  /** Proxies whose `X-Forwarded-For` is believed (TRUST_PROXY). */
  readonly trustProxy: TrustedProxies;
  /** The public base URL (`https://ledger.example.com`), for the OpenAPI document's `servers`; never the Host header. */
  readonly publicUrl: string | null;
  readonly enableTestClock: boolean;
  readonly webhooks: WebhooksConfig;
  /** Events stay in the feed at least this many days (CONTRACT §9), then are purged. */
  readonly eventsRetentionDays: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export const APP_CONFIG = Symbol('APP_CONFIG');
