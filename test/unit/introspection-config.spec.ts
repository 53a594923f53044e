import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

const secret = 'a-real-production-secret-of-enough-length-0123456789';
const url = 'https://id.example/realms/platform/protocol/openid-connect/token/introspect';
/** What production needs besides secrets: the identity provider's issuer and this service's audience. */
const PRODUCTION = { NODE_ENV: 'production', JWT_ISSUER: 'https://id.example/realms/platform', JWT_AUDIENCE: 'ledger' };
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig({ JWT_SECRET: secret, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('introspection configuration', () => {
  it('is off without AUTH_INTROSPECTION_URL', () => {
    expect(loadConfig({ JWT_SECRET: secret }).introspection).toBeNull();
  });

  it('reads the endpoint, the client credentials and the defaults (30 s cache, 3 s timeout)', () => {
    const config = loadConfig({ JWT_SECRET: secret, AUTH_INTROSPECTION_URL: url, AUTH_INTROSPECTION_CLIENT_ID: 'ledger', AUTH_INTROSPECTION_CLIENT_SECRET: 's3cret' });
    expect(config.introspection).toEqual({ url, clientId: 'ledger', clientSecret: 's3cret', cacheSeconds: 30, timeoutMs: 3000 });
    expect(loadConfig({ JWT_SECRET: secret, AUTH_INTROSPECTION_URL: url, AUTH_INTROSPECTION_CACHE_S: '0', AUTH_INTROSPECTION_TIMEOUT_MS: '750' }).introspection)
      .toMatchObject({ clientId: null, clientSecret: null, cacheSeconds: 0, timeoutMs: 750 });
  });

  it('names each bad introspection variable, without echoing a URL that may hold a password', () => {
    const problems = problemsOf({
      AUTH_INTROSPECTION_URL: 'ftp://user:hunter2@id.example/introspect',
      AUTH_INTROSPECTION_CLIENT_ID: 'ledger',
      AUTH_INTROSPECTION_CACHE_S: 'soon',
      AUTH_INTROSPECTION_TIMEOUT_MS: '0',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/AUTH_INTROSPECTION_URL must be an http/);
    expect(problems.join('\n')).toMatch(/AUTH_INTROSPECTION_CLIENT_SECRET is required/);
    expect(problems.join('\n')).toMatch(/AUTH_INTROSPECTION_CACHE_S/);
    expect(problems.join('\n')).toMatch(/AUTH_INTROSPECTION_TIMEOUT_MS/);
    expect(problems.join('\n')).not.toMatch(/hunter2/);
    expect(problemsOf({ AUTH_INTROSPECTION_URL: 'https://user:pw@id.example/introspect' })).toHaveLength(1);
  });

  it('refuses client credentials without an endpoint, and an endpoint without credentials in production', () => {
    expect(problemsOf({ AUTH_INTROSPECTION_CLIENT_ID: 'ledger', AUTH_INTROSPECTION_CLIENT_SECRET: 's' })).toEqual([
      'AUTH_INTROSPECTION_CLIENT_ID is set but AUTH_INTROSPECTION_URL is not',
      'AUTH_INTROSPECTION_CLIENT_SECRET is set but AUTH_INTROSPECTION_URL is not',
    ]);
    expect(problemsOf({ ...PRODUCTION, AUTH_INTROSPECTION_URL: url }).join()).toMatch(/AUTH_INTROSPECTION_CLIENT_ID and AUTH_INTROSPECTION_CLIENT_SECRET are required/);
    expect(problemsOf({ ...PRODUCTION, AUTH_INTROSPECTION_URL: url, AUTH_INTROSPECTION_CLIENT_ID: 'c', AUTH_INTROSPECTION_CLIENT_SECRET: 's' })).toEqual([]);
  });

  it('refuses an http:// endpoint in production (its answer decides who the caller is), and allows it elsewhere', () => {
    const plain = 'http://id.example/realms/platform/protocol/openid-connect/token/introspect';
    const credentials = { AUTH_INTROSPECTION_CLIENT_ID: 'c', AUTH_INTROSPECTION_CLIENT_SECRET: 's' };
    expect(problemsOf({ ...PRODUCTION, AUTH_INTROSPECTION_URL: plain, ...credentials })).toEqual(['AUTH_INTROSPECTION_URL must be https:// with NODE_ENV=production']);
    expect(problemsOf({ AUTH_INTROSPECTION_URL: plain, ...credentials })).toEqual([]);
  });
});
