/** The service's whole configuration, validated once at start-up and read everywhere else. */
export type DatabaseConfig =
  | { readonly type: 'sqlite'; readonly path: string }
  | { readonly type: 'postgres'; readonly url: string; readonly poolSize: number };

export interface JwtConfig {
  /** HS256 secret; null when RS256 is configured instead. */
  readonly secret: string | null;
  /** PEM public key for RS256; takes precedence over the secret. */
  readonly publicKey: string | null;
  readonly issuer: string | null;
  readonly audience: string | null;
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

export interface AppConfig {
  readonly production: boolean;
  readonly port: number;
  readonly database: DatabaseConfig;
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
  readonly enableTestClock: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export const APP_CONFIG = Symbol('APP_CONFIG');
