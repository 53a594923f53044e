import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig, DatabaseConfig, IntrospectionConfig, JwtConfig } from './app-config.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export const DEFAULT_SQLITE_PATH = './data/ledger.sqlite';
/** Where the generated development JWT secret is kept, so the server and `npm run token` agree. */
export const DEV_SECRET_FILE = './data/dev-jwt-secret';
const ASSET_CODE = /^[a-z][a-z0-9]{1,15}$/;

/** Reads and validates the environment; every problem is reported at once, by variable name. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const reader = new EnvReader(env, problems);
  const production = env.NODE_ENV === 'production';

  const config: AppConfig = {
    production,
    port: reader.integer('PORT', 3000, 0, 65535),
    database: readDatabase(reader, env),
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
    enableTestClock: reader.boolean('ENABLE_TEST_CLOCK', false),
    logLevel: reader.oneOf('LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
  };

  if (!config.socketPath.startsWith('/')) problems.push('SOCKET_PATH must start with "/"');
  if (config.networkId.length > 128) problems.push('NETWORK_ID must be at most 128 characters');
  if (production && config.enableTestClock) {
    problems.push('ENABLE_TEST_CLOCK must not be true with NODE_ENV=production');
  }
  if (production && config.legacy.enabled && config.legacy.secret !== null && config.legacy.secret.length < 16) {
    problems.push('LEGACY_API_SECRET must be at least 16 characters with NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readDatabase(reader: EnvReader, env: Env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim() ?? '';
  const poolSize = reader.integer('DATABASE_POOL_SIZE', 10, 1, 1000);
  if (url === '') return { type: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '') reader.fail('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/ledger.sqlite');
    return { type: 'sqlite', path: path || DEFAULT_SQLITE_PATH };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { type: 'postgres', url, poolSize };
  reader.fail('DATABASE_URL must be empty, sqlite:PATH or postgres://…');
  return { type: 'sqlite', path: DEFAULT_SQLITE_PATH };
}

function readJwt(reader: EnvReader, env: Env, production: boolean, problems: string[]): JwtConfig {
  const publicKey = reader.optional('JWT_PUBLIC_KEY')?.replace(/\\n/g, '\n') ?? null;
  const issuer = reader.optional('JWT_ISSUER');
  const audience = reader.optional('JWT_AUDIENCE');
  if (publicKey !== null && !publicKey.includes('BEGIN PUBLIC KEY')) {
    problems.push('JWT_PUBLIC_KEY must be a PEM public key ("-----BEGIN PUBLIC KEY-----…")');
  }
  let secret = reader.optional('JWT_SECRET');
  let isDevelopmentSecret = false;
  if (secret === null && publicKey === null) {
    if (production) {
      problems.push('JWT_SECRET (or JWT_PUBLIC_KEY) is required with NODE_ENV=production');
    } else {
      secret = developmentSecret();
      isDevelopmentSecret = true;
    }
  } else if (secret !== null && production && (secret.length < 32 || secret === developmentSecretIfPresent())) {
    problems.push('JWT_SECRET must be a real secret of at least 32 characters with NODE_ENV=production');
  }
  if (env.JWT_SECRET === undefined && publicKey !== null) secret = null;
  return { secret, publicKey, issuer, audience, isDevelopmentSecret };
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
  if ((clientId === null) !== (clientSecret === null)) {
    reader.fail(`${clientId === null ? 'AUTH_INTROSPECTION_CLIENT_ID' : 'AUTH_INTROSPECTION_CLIENT_SECRET'} is required with the other client credential`);
  } else if (clientId === null && production) {
    reader.fail('AUTH_INTROSPECTION_CLIENT_ID and AUTH_INTROSPECTION_CLIENT_SECRET are required with AUTH_INTROSPECTION_URL and NODE_ENV=production');
  }
  return { url, clientId, clientSecret, cacheSeconds, timeoutMs };
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

  assetCode(name: string, fallback: string): string {
    const raw = this.optional(name)?.toLowerCase() ?? fallback;
    if (!ASSET_CODE.test(raw)) this.fail(`${name} must be an asset code such as "${fallback}" (got "${raw}")`);
    return raw;
  }
}
