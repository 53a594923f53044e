import { createPublicKey, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { TrustedProxies } from '../common/client-address.js';
import type { AppConfig, DatabaseConfig, HttpTimeouts, IntrospectionConfig, JwtConfig, SecurityLimits } from './app-config.js';
import { estimatedEntropyBits } from './secret-strength.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export const DEFAULT_SQLITE_PATH = './data/ledger.sqlite';
export const DEFAULT_SQLITE_BUSY_TIMEOUT_MS = 5000;
/** A ledger transaction commits within 5 s of its start or not at all (CONTRACT §8). */
export const DEFAULT_COMMIT_DEADLINE_MS = 5000;
/** Where the generated development JWT secret is kept, so the server and `npm run token` agree. */
export const DEV_SECRET_FILE = './data/dev-jwt-secret';
const ASSET_CODE = /^[a-z][a-z0-9]{1,15}$/;

/** Reads and validates the environment; every problem is reported at once, by variable name. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const reader = new EnvReader(env, problems);
  const production = readProduction(env.NODE_ENV, problems);

  const config: AppConfig = {
    production,
    port: reader.integer('PORT', 3000, 0, 65535),
    database: readDatabase(reader, env),
    commitDeadlineMs: reader.integer('COMMIT_DEADLINE_MS', DEFAULT_COMMIT_DEADLINE_MS, 1000, DEFAULT_COMMIT_DEADLINE_MS),
    jwt: readJwt(reader, env, production, problems),
    introspection: readIntrospection(reader, production),
    tokenAsset: reader.assetCode('TOKEN_ASSET', 'rents'),
    rootAsset: reader.assetCode('ROOT_ASSET', 'usd'),
    defaultCurrency: reader.assetCode('DEFAULT_CURRENCY', 'usd'),
    legacy: {
      enabled: reader.boolean('LEGACY_API_ENABLED', true),
      secret: reader.optional('LEGACY_API_SECRET'),
      allowGet: reader.boolean('LEGACY_ALLOW_GET', false),
      balanceGetEnabled: reader.boolean('LEGACY_BALANCE_GET_ENABLED', true),
      numberDigits: reader.integer('LEGACY_NUMBER_DIGITS', 2, 0, 18),
      hashFailLimit: reader.integer('LEGACY_HASH_FAIL_LIMIT', 10, 1, 1_000_000),
      hashFailWindowSeconds: reader.integer('LEGACY_HASH_FAIL_WINDOW_S', 60, 1, 86_400),
      requireRequestId: reader.boolean('LEGACY_REQUIRE_REQUEST_ID', production),
      allowedIps: reader.addressList('LEGACY_ALLOWED_IPS'),
    },
    redisUrl: reader.optional('REDIS_URL'),
    socketPath: reader.optional('SOCKET_PATH') ?? '/socket.io',
    networkId: reader.optional('NETWORK_ID') ?? 'default',
    socketRate: {
      perSecond: reader.integer('SOCKET_RATE_PER_SECOND', 200, 1, 1_000_000),
      burst: reader.integer('SOCKET_RATE_BURST', 400, 1, 1_000_000),
    },
    restRate: {
      perSecond: reader.integer('REST_RATE_PER_SECOND', 100, 1, 1_000_000),
      burst: reader.integer('REST_RATE_BURST', 200, 1, 1_000_000),
    },
    limits: readLimits(reader),
    httpTimeouts: readHttpTimeouts(reader),
    trustProxy: reader.addressList('TRUST_PROXY') ?? TrustedProxies.none(),
    publicUrl: readPublicUrl(reader),
    enableTestClock: reader.boolean('ENABLE_TEST_CLOCK', false),
    webhooks: {
      allowPrivate: reader.boolean('WEBHOOKS_ALLOW_PRIVATE', false),
      timeoutMs: reader.integer('WEBHOOKS_TIMEOUT_MS', 15_000, 1000, 120_000),
      leaseMarginMs: reader.integer('WEBHOOKS_LEASE_MARGIN_MS', 10_000, 1000, 600_000),
    },
    eventsRetentionDays: reader.integer('EVENTS_RETENTION_DAYS', 30, 1, 36_500),
    logLevel: reader.oneOf('LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
  };

  if (!config.socketPath.startsWith('/')) problems.push('SOCKET_PATH must start with "/"');
  if (config.networkId.length > 128) problems.push('NETWORK_ID must be at most 128 characters');
  if (production && config.enableTestClock) {
    problems.push('ENABLE_TEST_CLOCK must not be true with NODE_ENV=production');
  }
  if (production && config.legacy.enabled && config.legacy.secret !== null && !isStrongSecret(config.legacy.secret, 16, 48)) {
    problems.push('LEGACY_API_SECRET must be a random secret of at least 16 characters with NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readDatabase(reader: EnvReader, env: Env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim() ?? '';
  const poolSize = reader.integer('DATABASE_POOL_SIZE', 10, 1, 1000);
  const busyTimeoutMs = reader.integer('SQLITE_BUSY_TIMEOUT_MS', DEFAULT_SQLITE_BUSY_TIMEOUT_MS, 100, 600_000);
  if (url === '') return { type: 'sqlite', path: DEFAULT_SQLITE_PATH, busyTimeoutMs };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '') reader.fail('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/ledger.sqlite');
    return { type: 'sqlite', path: path || DEFAULT_SQLITE_PATH, busyTimeoutMs };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { type: 'postgres', url, poolSize };
  reader.fail('DATABASE_URL must be empty, sqlite:PATH or postgres://…');
  return { type: 'sqlite', path: DEFAULT_SQLITE_PATH, busyTimeoutMs };
}

function isReadablePublicKey(pem: string): boolean {
  try {
    createPublicKey(pem);
    return true;
  } catch {
    return false;
  }
}

function readJwt(reader: EnvReader, env: Env, production: boolean, problems: string[]): JwtConfig {
  const publicKey = reader.optional('JWT_PUBLIC_KEY')?.replace(/\\n/g, '\n') ?? null;
  const issuer = reader.optional('JWT_ISSUER');
  const audience = reader.optional('JWT_AUDIENCE');
  const jwksUrl = reader.optional('JWT_JWKS_URL');
  const maxAgeSeconds = reader.integer('JWT_MAX_AGE_S', 86_400, 1, 31_536_000);
  if (production && (issuer === null || audience === null)) {
    // Without both, a token the identity provider signed for any other application would do.
    problems.push('JWT_ISSUER and JWT_AUDIENCE are required with NODE_ENV=production');
  }
  if (jwksUrl !== null && !isHttpUrl(jwksUrl)) problems.push('JWT_JWKS_URL must be an http:// or https:// URL');
  else if (jwksUrl !== null && production && !jwksUrl.startsWith('https://')) problems.push('JWT_JWKS_URL must be https:// with NODE_ENV=production');
  if (jwksUrl !== null && publicKey !== null) problems.push('JWT_JWKS_URL and JWT_PUBLIC_KEY are alternatives: set one');
  if (publicKey !== null && (!publicKey.includes('BEGIN PUBLIC KEY') || !isReadablePublicKey(publicKey))) {
    problems.push('JWT_PUBLIC_KEY must be a PEM public key ("-----BEGIN PUBLIC KEY-----…")');
  }
  let secret = reader.optional('JWT_SECRET');
  let isDevelopmentSecret = false;
  if (secret === null && publicKey === null && jwksUrl === null) {
    if (production) {
      problems.push('JWT_SECRET (or JWT_PUBLIC_KEY or JWT_JWKS_URL) is required with NODE_ENV=production');
    } else {
      secret = developmentSecret();
      isDevelopmentSecret = true;
    }
  } else if (secret !== null && production && (!isStrongSecret(secret, 32, 96) || secret === developmentSecretIfPresent())) {
    problems.push('JWT_SECRET must be a random secret of at least 32 characters with NODE_ENV=production');
  }
  if (env.JWT_SECRET === undefined && (publicKey !== null || jwksUrl !== null)) secret = null;
  return { secret, publicKey, issuer, audience, jwksUrl, maxAgeSeconds, isDevelopmentSecret };
}

function readIntrospection(reader: EnvReader, production: boolean): IntrospectionConfig | null {
  const url = reader.optional('AUTH_INTROSPECTION_URL');
  const clientId = reader.optional('AUTH_INTROSPECTION_CLIENT_ID');
  const clientSecret = reader.optional('AUTH_INTROSPECTION_CLIENT_SECRET');
  const cacheSeconds = reader.integer('AUTH_INTROSPECTION_CACHE_S', 30, 0, 3600);
  const timeoutMs = reader.integer('AUTH_INTROSPECTION_TIMEOUT_MS', 3000, 100, 60_000);
  if (url === null) {
    // Credentials without an endpoint mean introspection was meant to be on: say so rather than
    // silently refusing every opaque token.
    for (const [name, value] of [['AUTH_INTROSPECTION_CLIENT_ID', clientId], ['AUTH_INTROSPECTION_CLIENT_SECRET', clientSecret]] as const) {
      if (value !== null) reader.fail(`${name} is set but AUTH_INTROSPECTION_URL is not`);
    }
    return null;
  }
  // The value is not echoed: a URL with a password in it must not reach the logs.
  if (!isHttpUrl(url)) reader.fail('AUTH_INTROSPECTION_URL must be an http:// or https:// URL with no credentials in it (they go in AUTH_INTROSPECTION_CLIENT_ID/SECRET)');
  // The answer decides who the caller is: in production it must come over TLS.
  else if (production && !url.startsWith('https://')) reader.fail('AUTH_INTROSPECTION_URL must be https:// with NODE_ENV=production');
  if ((clientId === null) !== (clientSecret === null)) {
    reader.fail(`${clientId === null ? 'AUTH_INTROSPECTION_CLIENT_ID' : 'AUTH_INTROSPECTION_CLIENT_SECRET'} is required with the other client credential`);
  } else if (clientId === null && production) {
    reader.fail('AUTH_INTROSPECTION_CLIENT_ID and AUTH_INTROSPECTION_CLIENT_SECRET are required with AUTH_INTROSPECTION_URL and NODE_ENV=production');
  }
  return { url, clientId, clientSecret, cacheSeconds, timeoutMs };
}

/**
 * NODE_ENV names the environment. Anything that is not clearly development or test is refused,
 * so that `prod` or `Production` never runs with a generated development secret.
 */
function readProduction(value: string | undefined, problems: string[]): boolean {
  const name = value?.trim().toLowerCase() ?? '';
  if (['', 'development', 'dev', 'test'].includes(name)) return false;
  if (value?.trim() === 'production') return true;
  problems.push(`NODE_ENV must be production, development or test (got "${value}")`);
  return ['prod', 'production', 'live', 'staging'].includes(name);
}

function readLimits(reader: EnvReader): SecurityLimits {
  const maxAmount = reader.optional('MAX_AMOUNT');
  let maxWhole = 10n ** 15n;
  if (maxAmount !== null) {
    if (/^[1-9]\d{0,29}$/.test(maxAmount)) maxWhole = BigInt(maxAmount);
    else reader.fail(`MAX_AMOUNT must be a whole number from 1 to 10^30 without exponent (got "${maxAmount}")`);
  }
  return {
    maxAmount: maxWhole,
    authFailLimit: reader.integer('AUTH_FAIL_LIMIT', 30, 1, 1_000_000),
    socketsPerUser: reader.integer('SOCKETS_PER_USER', 20, 1, 100_000),
    socketsPerAddress: reader.integer('SOCKETS_PER_ADDRESS', 200, 1, 1_000_000),
    socketQueryTokens: reader.boolean('SOCKET_QUERY_TOKENS', true),
    socketHandshakeMs: reader.integer('SOCKET_HANDSHAKE_TIMEOUT_MS', 10_000, 1000, 600_000),
    storedRefusalsPerDay: reader.integer('STORED_REFUSALS_PER_DAY', 10_000, 1, 10_000_000),
  };
}

function readHttpTimeouts(reader: EnvReader): HttpTimeouts {
  // Node checks for late requests about once a second (http-platform.ts): a shorter limit would not be kept.
  const headersMs = reader.integer('HTTP_HEADERS_TIMEOUT_MS', 15_000, 1000, 600_000);
  const requestMs = reader.integer('HTTP_REQUEST_TIMEOUT_MS', 30_000, 1000, 3_600_000);
  // Node refuses a header limit beyond the request's (the headers are part of the request).
  if (headersMs > requestMs) reader.fail(`HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS (${headersMs} > ${requestMs})`);
  return { headersMs, requestMs };
}

function readPublicUrl(reader: EnvReader): string | null {
  const value = reader.optional('PUBLIC_URL');
  if (value === null) return null;
  if (!isHttpUrl(value)) {
    reader.fail('PUBLIC_URL must be an http:// or https:// URL, e.g. https://ledger.example.com');
    return null;
  }
  return value.replace(/\/+$/, '');
}

/** Long enough, and not a short pattern repeated or a handful of characters (see secret-strength.ts). */
function isStrongSecret(secret: string, minLength: number, minBits: number): boolean {
  return secret.length >= minLength && estimatedEntropyBits(secret) >= minBits;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** A random secret generated once per checkout and kept under ./data (never committed). */
export function developmentSecret(): string {
  const existing = developmentSecretIfPresent();
  if (existing) return existing;
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dirname(DEV_SECRET_FILE), { recursive: true });
  writeFileSync(DEV_SECRET_FILE, secret + '\n', { mode: 0o600 });
  chmodSync(DEV_SECRET_FILE, 0o600);
  return secret;
}

function developmentSecretIfPresent(): string | null {
  return existsSync(DEV_SECRET_FILE) ? readFileSync(DEV_SECRET_FILE, 'utf8').trim() || null : null;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  fail(problem: string): void {
    this.problems.push(problem);
  }

  optional(name: string): string | null {
    const value = this.env[name]?.trim();
    return value ? value : null;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.fail(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name)?.toLowerCase() ?? null;
    if (raw === null) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    this.fail(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const raw = this.optional(name)?.toLowerCase() ?? fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.fail(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  }

  /** Comma-separated addresses or CIDRs; null when unset. */
  addressList(name: string): TrustedProxies | null {
    const raw = this.optional(name);
    if (raw === null) return null;
    const { proxies, invalid } = TrustedProxies.parse(raw);
    if (invalid.length > 0) this.fail(`${name} must list IP addresses or CIDRs separated by commas (not: ${invalid.join(', ')})`);
    return proxies;
  }

  assetCode(name: string, fallback: string): string {
    const raw = this.optional(name)?.toLowerCase() ?? fallback;
    if (!ASSET_CODE.test(raw)) this.fail(`${name} must be an asset code such as "${fallback}" (got "${raw}")`);
    return raw;
  }
}
